package com.swn.localaws;

/**
 * How {@link LocalAws} starts the emulator that was selected, on this machine: moto always on the
 * host; LocalStack in its container when something points at a Docker engine, else on the host;
 * Floci only in its container. Deciding needs no running engine: only whether anything points at
 * one ({@link DockerEnvironment#pointers()}).
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
          docker.pointers().isEmpty()
              ? new OnHost(HostEmulator.LOCALSTACK)
              : new InContainer(EmulatorContainers.LOCALSTACK);
      case FLOCI -> new InContainer(EmulatorContainers.FLOCI);
      case UNKNOWN ->
          throw new IllegalArgumentException("no emulator to start for " + emulator.id());
    };
  }
}
