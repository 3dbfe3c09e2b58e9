package com.swn.localaws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The selection rules: AWS_ENDPOINT_URL, then -Dtest.emulator, then TEST_EMULATOR, then moto. */
class EmulatorSelectionTest {

  private static final Map<String, String> NONE = Map.of();

  @Test
  void defaultsToMotoStartedByTheFixture() {
    EmulatorSelection selection = EmulatorSelection.resolve(NONE, NONE);

    assertThat(selection.emulator()).isEqualTo(Emulator.MOTO);
    assertThat(selection.startsEmulator()).isTrue();
    assertThat(selection.endpoint()).isNull();
    assertThat(selection.reason()).contains("default");
  }

  @Test
  void theSystemPropertyNamesTheEmulator() {
    assertThat(EmulatorSelection.resolve(NONE, Map.of("test.emulator", "localstack")).emulator())
        .isEqualTo(Emulator.LOCALSTACK);
    assertThat(EmulatorSelection.resolve(NONE, Map.of("test.emulator", "floci")).emulator())
        .isEqualTo(Emulator.FLOCI);
    assertThat(EmulatorSelection.resolve(NONE, Map.of("test.emulator", "moto")).emulator())
        .isEqualTo(Emulator.MOTO);
  }

  @Test
  void theEnvironmentVariableNamesTheEmulator() {
    EmulatorSelection selection = EmulatorSelection.resolve(Map.of("TEST_EMULATOR", "floci"), NONE);

    assertThat(selection.emulator()).isEqualTo(Emulator.FLOCI);
    assertThat(selection.startsEmulator()).isTrue();
    assertThat(selection.reason()).isEqualTo("TEST_EMULATOR=floci");
  }

  @Test
  void theSystemPropertyWinsOverTheEnvironmentVariable() {
    EmulatorSelection selection =
        EmulatorSelection.resolve(
            Map.of("TEST_EMULATOR", "floci"), Map.of("test.emulator", "localstack"));

    assertThat(selection.emulator()).isEqualTo(Emulator.LOCALSTACK);
    assertThat(selection.reason()).isEqualTo("-Dtest.emulator=localstack");
  }

  @Test
  void ignoresCaseAndBlanksAroundTheName() {
    assertThat(EmulatorSelection.resolve(NONE, Map.of("test.emulator", " LocalStack ")).emulator())
        .isEqualTo(Emulator.LOCALSTACK);
  }

  @Test
  void aBlankSettingCountsAsUnset() {
    EmulatorSelection selection =
        EmulatorSelection.resolve(Map.of("TEST_EMULATOR", "floci"), Map.of("test.emulator", " "));

    assertThat(selection.emulator()).isEqualTo(Emulator.FLOCI);
    assertThat(
            EmulatorSelection.resolve(Map.of("TEST_EMULATOR", "", "AWS_ENDPOINT_URL", ""), NONE)
                .emulator())
        .isEqualTo(Emulator.MOTO);
  }

  @Test
  void anUnknownNameFailsSayingWhereItCameFromAndWhatIsAccepted() {
    assertThatThrownBy(() -> EmulatorSelection.resolve(NONE, Map.of("test.emulator", "localstak")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"localstak\"")
        .hasMessageContaining("system property test.emulator")
        .hasMessageContaining("moto, localstack, floci");
    assertThatThrownBy(() -> EmulatorSelection.resolve(Map.of("TEST_EMULATOR", "unknown"), NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("environment variable TEST_EMULATOR");
  }

  @Test
  void anUnknownNameFailsEvenWithAnExplicitEndpoint() {
    assertThatThrownBy(
            () ->
                EmulatorSelection.resolve(
                    Map.of(
                        "AWS_ENDPOINT_URL", "http://127.0.0.1:4566", "TEST_EMULATOR", "dynalite"),
                    NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dynalite");
  }

  @Test
  void anExplicitEndpointIsUsedAsItIsAndNothingIsStarted() {
    EmulatorSelection selection =
        EmulatorSelection.resolve(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:4566"), NONE);

    assertThat(selection.startsEmulator()).isFalse();
    assertThat(selection.endpoint()).isEqualTo(URI.create("http://127.0.0.1:4566"));
    assertThat(selection.emulator())
        .as("recognised later by its health endpoint")
        .isEqualTo(Emulator.UNKNOWN);
  }

  @Test
  void withAnExplicitEndpointTheNamedEmulatorSaysWhatRunsThere() {
    EmulatorSelection selection =
        EmulatorSelection.resolve(
            Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:4566", "TEST_EMULATOR", "localstack"),
            Map.of("test.emulator", "floci"));

    assertThat(selection.startsEmulator()).isFalse();
    assertThat(selection.emulator()).isEqualTo(Emulator.FLOCI);
    assertThat(selection.reason()).contains("AWS_ENDPOINT_URL is set", "-Dtest.emulator=floci");
  }

  @Test
  void anEndpointThatIsNotAnHttpUrlIsRejected() {
    assertThatThrownBy(
            () -> EmulatorSelection.resolve(Map.of("AWS_ENDPOINT_URL", "127.0.0.1:4566"), NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("AWS_ENDPOINT_URL=127.0.0.1:4566 is not an absolute http(s) URL");
  }
}
