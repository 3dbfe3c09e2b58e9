package com.swn.localaws;

import java.util.List;
import java.util.Map;
import org.testcontainers.utility.DockerImageName;

/**
 * What runs in an emulator container: the pinned image, the port the AWS APIs answer on inside the
 * container, the services we use (LocalStack starts only those; Floci gets them enabled) and extra
 * environment.
 *
 * @param compatibleWith the image the Testcontainers module expects ({@code assertCompatibleWith})
 */
record ContainerDefinition(
    Emulator emulator,
    String image,
    String compatibleWith,
    int port,
    List<String> services,
    Map<String, String> environment) {

  ContainerDefinition {
    services = List.copyOf(services);
    environment = Map.copyOf(environment);
  }

  DockerImageName imageName() {
    return DockerImageName.parse(image);
  }
}
