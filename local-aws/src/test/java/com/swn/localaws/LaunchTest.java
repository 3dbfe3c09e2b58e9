package com.swn.localaws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where each emulator is started, decided without a running engine: LocalStack goes on the host
 * exactly when nothing points at Docker, and into its container otherwise; moto is always on the
 * host, Floci always in a container.
 */
class LaunchTest {

  @TempDir Path home;

  @Test
  void localStackRunsOnTheHostWhenNothingPointsAtDocker() {
    assertThat(Launch.of(Emulator.LOCALSTACK, docker(Map.of(), Set.of())))
        .isEqualTo(new Launch.OnHost(HostEmulator.LOCALSTACK));
  }

  @Test
  void localStackRunsInItsContainerWhenDockerHostIsSet() {
    assertThat(
            Launch.of(
                Emulator.LOCALSTACK,
                docker(Map.of("DOCKER_HOST", "tcp://127.0.0.1:2375"), Set.of())))
        .isEqualTo(new Launch.InContainer(EmulatorContainers.LOCALSTACK));
  }

  @Test
  void localStackRunsInItsContainerWhenThereIsADockerSocket() {
    assertThat(
            Launch.of(
                Emulator.LOCALSTACK, docker(Map.of(), Set.of(Path.of("/var/run/docker.sock")))))
        .isEqualTo(new Launch.InContainer(EmulatorContainers.LOCALSTACK));
  }

  @Test
  void motoAlwaysRunsOnTheHostAndFlociAlwaysInItsContainer() {
    DockerEnvironment none = docker(Map.of(), Set.of());
    DockerEnvironment some = docker(Map.of("DOCKER_HOST", "unix:///tmp/docker.sock"), Set.of());

    assertThat(List.of(Launch.of(Emulator.MOTO, none), Launch.of(Emulator.MOTO, some)))
        .containsOnly(new Launch.OnHost(HostEmulator.MOTO));
    assertThat(List.of(Launch.of(Emulator.FLOCI, none), Launch.of(Emulator.FLOCI, some)))
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

  /**
   * Only {@code env} and the files in {@code existing} point at Docker; Testcontainers is never
   * asked.
   */
  private DockerEnvironment docker(Map<String, String> env, Set<Path> existing) {
    return new DockerEnvironment(
        env,
        home,
        existing::contains,
        () -> {
          throw new AssertionError("deciding where to launch must not ask Testcontainers");
        });
  }
}
