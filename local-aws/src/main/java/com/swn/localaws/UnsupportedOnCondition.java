package com.swn.localaws;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit condition behind {@link UnsupportedOn}. The emulator is taken from {@link
 * EmulatorSelection} when it names one, so nothing starts just to evaluate the condition; for an
 * unnamed {@code AWS_ENDPOINT_URL} it asks {@link LocalAws#shared()}, which recognises the
 * emulator.
 */
public final class UnsupportedOnCondition implements ExecutionCondition {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    return AnnotationSupport.findAnnotation(context.getElement(), UnsupportedOn.class)
        .map(annotation -> evaluate(annotation.value(), currentEmulator()))
        .orElse(ConditionEvaluationResult.enabled("no @UnsupportedOn"));
  }

  /**
   * Disabled, with every applicable gap's reason, when one of {@code gaps} affects {@code
   * emulator}.
   */
  static ConditionEvaluationResult evaluate(EmulatorGap[] gaps, Emulator emulator) {
    List<EmulatorGap> applicable =
        Arrays.stream(gaps).filter(gap -> gap.affects(emulator)).toList();
    if (applicable.isEmpty()) {
      return ConditionEvaluationResult.enabled(
          emulator.id() + " supports " + names(Arrays.asList(gaps)));
    }
    return ConditionEvaluationResult.disabled(
        "unsupported on "
            + emulator.id()
            + ": "
            + applicable.stream()
                .map(gap -> gap.name() + " (" + gap.reason() + ")")
                .collect(Collectors.joining("; ")));
  }

  private static Emulator currentEmulator() {
    Emulator selected = EmulatorSelection.current().emulator();
    return selected == Emulator.UNKNOWN ? LocalAws.shared().emulator() : selected;
  }

  private static String names(List<EmulatorGap> gaps) {
    return gaps.stream().map(Enum::name).collect(Collectors.joining(", "));
  }
}
