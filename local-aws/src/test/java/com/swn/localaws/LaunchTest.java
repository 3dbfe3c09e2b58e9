package com.swn.localaws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where each emulator is started: LocalStack goes on the host exactly when Testcontainers finds no
 * Docker engine, and into its container otherwise; moto is always on the host (without asking),
 * Floci always in a container.
 */
class LaunchTest {

  @Test
  void localStackRunsOnTheHostWhenTestcontainersFindsNoDocker() {
    assertThat(Launch.of(Emulator.LOCALSTACK, new DockerEnvironment(() -> false)))
        .isEqualTo(new Launch.OnHost(HostEmulator.LOCALSTACK));
  }

  @Test
  void localStackRunsInItsContainerWhenTestcontainersFindsDocker() {
    assertThat(Launch.of(Emulator.LOCALSTACK, new DockerEnvironment(() -> true)))
        .isEqualTo(new Launch.InContainer(EmulatorContainers.LOCALSTACK));
  }

  @Test
  void motoAlwaysRunsOnTheHostWithoutAskingAndFlociAlwaysInItsContainer() {
    DockerEnvironment neverAsked =
        new DockerEnvironment(
            () -> {
              throw new AssertionError("moto must not ask for Docker");
            });

    assertThat(Launch.of(Emulator.MOTO, neverAsked))
        .isEqualTo(new Launch.OnHost(HostEmulator.MOTO));
    assertThat(
            List.of(
                Launch.of(Emulator.FLOCI, new DockerEnvironment(() -> false)),
                Launch.of(Emulator.FLOCI, new DockerEnvironment(() -> true))))
        .containsOnly(new Launch.InContainer(EmulatorContainers.FLOCI));
  }

  @Test
  void hostLocalStackGetsItsOwnDirectoryNextToItsLog() {
    Path root = Path.of("/repo");

    assertThat(HostEmulator.LOCALSTACK.command(root, 45678, Path.of("/repo/m/target")))
        .containsExactly(
            "bash",
            "/repo/scripts/localstack.sh",
            "run",
            "--port",
            "45678",
            "--dir",
            "/repo/m/target/localstack-45678");
    assertThat(HostEmulator.MOTO.command(root, 45678, Path.of("/repo/m/target")))
        .containsExactly("bash", "/repo/scripts/moto.sh", "--port", "45678");
  }
}
