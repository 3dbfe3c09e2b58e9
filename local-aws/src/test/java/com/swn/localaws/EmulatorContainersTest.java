package com.swn.localaws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.floci.testcontainers.FlociContainer;
import java.lang.reflect.Method;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.WithoutDocker;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The LocalStack and Floci container definitions, checked without Docker: pinned images, the
 * services, the exposed port, and the real Testcontainers objects built from them (never started).
 */
class EmulatorContainersTest {

  @Test
  void localStackIsPinnedTo4140WithOnlyOurServices() {
    ContainerDefinition localStack = EmulatorContainers.LOCALSTACK;

    assertThat(localStack.emulator()).isEqualTo(Emulator.LOCALSTACK);
    assertThat(localStack.image()).isEqualTo("localstack/localstack:4.14.0");
    assertThat(localStack.services()).containsExactly("dynamodb", "sqs", "events");
    assertThat(localStack.port()).isEqualTo(4566);
    assertThat(localStack.environment())
        .containsEntry("SQS_ENDPOINT_STRATEGY", "dynamic")
        .containsEntry("EAGER_SERVICE_LOADING", "1");
  }

  @Test
  void flociIsPinnedToARelease() {
    ContainerDefinition floci = EmulatorContainers.FLOCI;

    assertThat(floci.emulator()).isEqualTo(Emulator.FLOCI);
    assertThat(floci.image()).isEqualTo("floci/floci:1.5.14");
    assertThat(floci.services()).containsExactly("dynamodb", "sqs", "eventbridge");
    assertThat(floci.port()).isEqualTo(4566);
  }

  @Test
  void imagesAreVersionPinnedAndAcceptedByTheirTestcontainersModule() {
    for (ContainerDefinition definition :
        new ContainerDefinition[] {EmulatorContainers.LOCALSTACK, EmulatorContainers.FLOCI}) {
      DockerImageName image = definition.imageName();

      assertThat(image.getVersionPart()).as(definition.image()).matches("\\d+\\.\\d+\\.\\d+");
      image.assertCompatibleWith(DockerImageName.parse(definition.compatibleWith()));
    }
  }

  @Test
  void theLocalStackContainerRunsThePinnedImageWithOurServicesOnPort4566() throws Exception {
    GenericContainer<?> container =
        WithoutDocker.build(() -> EmulatorContainers.container(EmulatorContainers.LOCALSTACK));

    assertThat(container).isInstanceOf(LocalStackContainer.class);
    assertThat(container.getImage().toString()).contains("imageName=localstack/localstack:4.14.0");
    assertThat(container.getExposedPorts()).containsExactly(4566);
    configure(
        container); // what start() does first: LocalStackContainer turns withServices into SERVICES
    assertThat(container.getEnvMap())
        .containsEntry("SERVICES", "dynamodb,sqs,events")
        .containsEntry("SQS_ENDPOINT_STRATEGY", "dynamic")
        .containsEntry("EAGER_SERVICE_LOADING", "1");
  }

  @Test
  void theFlociContainerRunsThePinnedImageWithOurServicesAndOnlyPort4566() {
    GenericContainer<?> container =
        WithoutDocker.build(() -> EmulatorContainers.container(EmulatorContainers.FLOCI));

    assertThat(container).isInstanceOf(FlociContainer.class);
    assertThat(container.getImage().toString()).contains("imageName=floci/floci:1.5.14");
    assertThat(container.getExposedPorts())
        .as(
            "the services that publish port ranges (Lambda, RDS, ElastiCache, ECR, EKS, EC2, ELBv2) are off")
        .containsExactly(4566);
    Map<String, String> env = container.getEnvMap();
    assertThat(env)
        .containsEntry("FLOCI_SERVICES_DYNAMODB_ENABLED", "true")
        .containsEntry("FLOCI_SERVICES_SQS_ENABLED", "true")
        .containsEntry("FLOCI_SERVICES_EVENTBRIDGE_ENABLED", "true")
        .containsEntry("FLOCI_SERVICES_LAMBDA_ENABLED", "false")
        .containsEntry("FLOCI_SERVICES_RDS_ENABLED", "false");
  }

  @Test
  void onlyLocalStackAndFlociRunInAContainer() {
    assertThat(EmulatorContainers.definition(Emulator.LOCALSTACK))
        .isSameAs(EmulatorContainers.LOCALSTACK);
    assertThat(EmulatorContainers.definition(Emulator.FLOCI)).isSameAs(EmulatorContainers.FLOCI);
    assertThatThrownBy(() -> EmulatorContainers.definition(Emulator.MOTO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("moto does not run in a container");
  }

  private static void configure(GenericContainer<?> container) throws Exception {
    Method configure = container.getClass().getDeclaredMethod("configure");
    configure.setAccessible(true);
    configure.invoke(container);
  }
}
