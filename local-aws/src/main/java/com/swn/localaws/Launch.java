package com.swn.localaws;

/**
 * How {@link LocalAws} starts the emulator that was selected, on this machine: moto always on the
 * host; LocalStack in its container when Testcontainers finds a Docker engine, else on the host;
 * Floci only in its container. Moto never asks for Docker.
 */
sealed interface Launch {

  /** Run by a script of the repository, without Docker. */
  record OnHost(HostEmulator emulator) implements Launch {}

  /** Run in a container by Testcontainers (needs Docker). */
  record InContainer(ContainerDefinition definition) implements Launch {}

  static Launch of(Emulator emulator, DockerEnvironment docker) {
    return switch (emulator) {
      case MOTO -> new OnHost(HostEmulator.MOTO);
      case LOCALSTACK ->
          docker.available()
              ? new InContainer(EmulatorContainers.LOCALSTACK)
              : new OnHost(HostEmulator.LOCALSTACK);
      case FLOCI -> new InContainer(EmulatorContainers.FLOCI);
      case UNKNOWN ->
          throw new IllegalArgumentException("no emulator to start for " + emulator.id());
    };
  }
}
