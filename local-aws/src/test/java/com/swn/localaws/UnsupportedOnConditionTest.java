package com.swn.localaws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

/**
 * The central list of emulator gaps and the condition that skips a test only where a gap applies.
 */
class UnsupportedOnConditionTest {

  @Test
  void aTestIsSkippedOnAnEmulatorThatLacksTheBehaviourWithTheReason() {
    ConditionEvaluationResult result =
        UnsupportedOnCondition.evaluate(
            new EmulatorGap[] {EmulatorGap.RULE_TARGET_DLQ_NOT_STORED}, Emulator.FLOCI);

    assertThat(result.isDisabled()).isTrue();
    assertThat(result.getReason())
        .get()
        .asString()
        .startsWith("unsupported on floci: RULE_TARGET_DLQ_NOT_STORED (")
        .contains("DeadLetterConfig");
  }

  @Test
  void theSameTestRunsOnEveryOtherEmulator() {
    for (Emulator emulator :
        new Emulator[] {Emulator.MOTO, Emulator.LOCALSTACK, Emulator.UNKNOWN}) {
      assertThat(
              UnsupportedOnCondition.evaluate(
                      new EmulatorGap[] {EmulatorGap.RULE_TARGET_DLQ_NOT_STORED}, emulator)
                  .isDisabled())
          .as(emulator.id())
          .isFalse();
    }
  }

  @Test
  void everyApplicableGapIsNamed() {
    ConditionEvaluationResult result =
        UnsupportedOnCondition.evaluate(
            new EmulatorGap[] {EmulatorGap.API_GATEWAY_V2, EmulatorGap.API_GATEWAY_V2_DATA_PLANE},
            Emulator.LOCALSTACK);

    assertThat(result.getReason())
        .get()
        .asString()
        .contains("API_GATEWAY_V2 (", "; API_GATEWAY_V2_DATA_PLANE (");
    assertThat(
            UnsupportedOnCondition.evaluate(
                    new EmulatorGap[] {
                      EmulatorGap.API_GATEWAY_V2, EmulatorGap.API_GATEWAY_V2_DATA_PLANE
                    },
                    Emulator.FLOCI)
                .isDisabled())
        .isFalse();
  }

  @Test
  void theListHoldsTheKnownGaps() {
    assertThat(EmulatorGap.RULE_TARGET_DLQ_DELIVERY.emulators())
        .containsExactlyInAnyOrder(Emulator.MOTO, Emulator.FLOCI);
    assertThat(EmulatorGap.RULE_TARGET_DLQ_NOT_STORED.emulators()).containsExactly(Emulator.FLOCI);
    assertThat(EmulatorGap.NUMERIC_OR_WILDCARD_PATTERN.emulators()).containsExactly(Emulator.FLOCI);
    assertThat(EmulatorGap.API_GATEWAY_V2.emulators()).containsExactly(Emulator.LOCALSTACK);
    for (EmulatorGap gap : EmulatorGap.values()) {
      assertThat(gap.reason()).as(gap.name()).isNotBlank();
      assertThat(gap.emulators()).as(gap.name()).isNotEmpty().doesNotContain(Emulator.UNKNOWN);
    }
  }

  @Test
  void theDocsListEveryGap() throws Exception {
    Path root = HostEmulatorProcess.findRepoRoot(Path.of(""));
    String docs = Files.readString(root.resolve("docs/local-aws.md"));

    for (EmulatorGap gap : EmulatorGap.values()) {
      assertThat(docs).as("docs/local-aws.md lists " + gap.name()).contains("`" + gap.name() + "`");
    }
  }
}
