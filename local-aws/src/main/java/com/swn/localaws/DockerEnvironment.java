package com.swn.localaws;

import java.util.function.BooleanSupplier;
import org.testcontainers.DockerClientFactory;

/**
 * Whether a Docker engine can run the LocalStack or Floci container: Testcontainers' own check
 * ({@link DockerClientFactory#isDockerAvailable()}), which tries {@code DOCKER_HOST}, {@code
 * ~/.testcontainers.properties} and the usual sockets, bounds each attempt and logs what it tried.
 * It is asked only where a container is wanted (LocalStack or Floci), never on the default moto
 * path.
 */
final class DockerEnvironment {

  private final BooleanSupplier available;

  DockerEnvironment(BooleanSupplier available) {
    this.available = available;
  }

  static DockerEnvironment ofThisMachine() {
    return new DockerEnvironment(() -> DockerClientFactory.instance().isDockerAvailable());
  }

  boolean available() {
    return available.getAsBoolean();
  }

  /** Fails with a message saying what is missing and what to do, unless a Docker engine answers. */
  void require(ContainerDefinition definition) {
    if (!available()) {
      throw new IllegalStateException(
          EmulatorSelection.PROPERTY
              + "="
              + definition.emulator().id()
              + " runs "
              + definition.image()
              + " with Testcontainers and needs a Docker engine, but Testcontainers found none"
              + " (its log above says where it looked). Start Docker (or point DOCKER_HOST at"
              + " one); or drop "
              + EmulatorSelection.PROPERTY
              + " / "
              + EmulatorSelection.ENVIRONMENT_VARIABLE
              + " for the default moto path, which needs no Docker; or start the emulator"
              + " yourself and set "
              + EmulatorSelection.ENDPOINT_VARIABLE
              + ".");
    }
  }
}
