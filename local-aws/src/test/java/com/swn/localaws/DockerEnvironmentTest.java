package com.swn.localaws;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A container emulator without Docker fails with what is missing and what to do instead. */
class DockerEnvironmentTest {

  @Test
  void withoutAnEngineTheFailureSaysWhichContainerNeededDockerAndWhatToDoInstead() {
    assertThatThrownBy(
            () -> new DockerEnvironment(() -> false).require(EmulatorContainers.LOCALSTACK))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("test.emulator=localstack runs localstack/localstack:")
        .hasMessageContaining("needs a Docker engine, but Testcontainers found none")
        .hasMessageContaining("default moto path, which needs no Docker")
        .hasMessageContaining("AWS_ENDPOINT_URL");
  }

  @Test
  void withAnEngineNothingIsInTheWay() {
    assertThatCode(() -> new DockerEnvironment(() -> true).require(EmulatorContainers.FLOCI))
        .doesNotThrowAnyException();
  }
}
