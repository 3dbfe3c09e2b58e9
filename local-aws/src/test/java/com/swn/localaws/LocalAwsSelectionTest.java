package com.swn.localaws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link LocalAws#start} on a machine without Docker: asking for Floci fails at once, before
 * anything is started, and says why; an unknown name fails the same way. (LocalStack then runs on
 * the host, see {@link LaunchTest}; the default moto path is what every other test in this module
 * runs on.)
 */
class LocalAwsSelectionTest {

  @Test
  void flociWithoutDockerFailsFastAndSaysWhy() {
    assertFailsFastWithoutDocker(Map.of(), Map.of("TEST_EMULATOR", "floci"), "floci/floci:1.5.14");
  }

  @Test
  void anUnknownEmulatorFailsBeforeAnythingStarts() {
    assertThatThrownBy(
            () -> LocalAws.start(Map.of(), Map.of("test.emulator", "dynalite"), noDocker()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown emulator \"dynalite\" in system property test.emulator");
  }

  @Test
  void theSharedInstanceSaysWhatItRunsOn() {
    LocalAws aws = LocalAws.shared();
    EmulatorSelection selection = EmulatorSelection.current();

    if (selection.startsEmulator()) {
      assertThat(aws.emulator()).isEqualTo(selection.emulator());
      assertThat(aws.startedHere()).isTrue();
    } else {
      assertThat(aws.startedHere()).isFalse();
      assertThat(aws.endpoint()).isEqualTo(selection.endpoint());
    }
    assertThat(aws.description()).isNotBlank();
  }

  private void assertFailsFastWithoutDocker(
      Map<String, String> properties, Map<String, String> env, String image) {
    long start = System.nanoTime();

    assertThatThrownBy(() -> LocalAws.start(env, properties, noDocker()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(image)
        .hasMessageContaining("needs a Docker engine, but Testcontainers found none")
        .hasMessageContaining("default moto path");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
  }

  /** What Testcontainers' check answers on a machine without a Docker engine. */
  private static DockerEnvironment noDocker() {
    return new DockerEnvironment(() -> false);
  }
}
