package com.swn.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;

/**
 * cdk-nag's AWS Solutions pack runs on every stack of both synthesized variants (development in a
 * concrete region, production environment-agnostic): no unsuppressed finding, and every suppression
 * has a reason.
 */
class CdkNagTest {

  static Stream<Arguments> stacks() {
    List<Arguments> stacks = new ArrayList<>();
    for (SynthesizedApp app : List.of(SynthesizedApp.development(), SynthesizedApp.production())) {
      app.templates()
          .keySet()
          .forEach(stack -> stacks.add(Arguments.of(stack.getStackName(), app, stack)));
    }
    return stacks.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stacks")
  void hasNoUnsuppressedFinding(String name, SynthesizedApp app, Stack stack) {
    Annotations annotations = Annotations.fromStack(stack);
    List<SynthesisMessage> findings = new ArrayList<>();
    findings.addAll(annotations.findError("*", Match.stringLikeRegexp("AwsSolutions-.*")));
    findings.addAll(annotations.findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*")));
    assertThat(findings).extracting(m -> m.getId() + ": " + m.getEntry().getData()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stacks")
  @SuppressWarnings("unchecked")
  void explainsEverySuppression(String name, SynthesizedApp app, Stack stack) {
    for (Map<String, Object> resource : app.resources(stack).values()) {
      Map<String, Object> metadata =
          (Map<String, Object>) resource.getOrDefault("Metadata", Map.of());
      Map<String, Object> nag = (Map<String, Object>) metadata.getOrDefault("cdk_nag", Map.of());
      for (Map<String, Object> suppression :
          (List<Map<String, Object>>) nag.getOrDefault("rules_to_suppress", List.of())) {
        assertThat((String) suppression.get("reason"))
            .as("reason of %s", suppression.get("id"))
            .hasSizeGreaterThan(40);
      }
    }
  }
}
