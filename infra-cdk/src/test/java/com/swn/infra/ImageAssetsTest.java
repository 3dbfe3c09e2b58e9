package com.swn.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The services' images: one Dockerfile at the repository root, told the module and port; beside
 * each, the tracing collector's image from {@code infra-cdk/otel-collector}.
 */
class ImageAssetsTest {

  @Test
  void everyServiceImageIsTheSharedDockerfileWithItsModuleAndPort() throws IOException {
    SynthesizedApp.development();
    List<Map<String, String>> images = new ArrayList<>();
    List<Path> collectors = new ArrayList<>();
    List<String> aotArguments = new ArrayList<>();
    try (Stream<Path> manifests = Files.list(Path.of("target/cdk.out"))) {
      for (Path manifest : manifests.filter(p -> p.toString().endsWith(".assets.json")).toList()) {
        JsonNode dockerImages =
            JsonMapper.shared().readTree(manifest.toFile()).path("dockerImages");
        for (JsonNode image : dockerImages) {
          JsonNode source = image.path("source");
          if (!source.path("dockerBuildArgs").has("MODULE")) {
            collectors.add(Path.of("target/cdk.out", source.path("directory").asString()));
            continue;
          }
          images.add(
              Map.of(
                  "dockerFile", source.path("dockerFile").asString(),
                  "MODULE", source.path("dockerBuildArgs").path("MODULE").asString(),
                  "PORT", source.path("dockerBuildArgs").path("PORT").asString()));
          aotArguments.add(source.path("dockerBuildArgs").path("SPRING_AOT_ARGUMENTS").asString());
        }
      }
    }
    assertThat(images)
        .containsExactlyInAnyOrder(
            Map.of("dockerFile", "Dockerfile", "MODULE", "product-service", "PORT", "8081"),
            Map.of("dockerFile", "Dockerfile", "MODULE", "basket-service", "PORT", "8082"),
            Map.of("dockerFile", "Dockerfile", "MODULE", "ordering-service", "PORT", "8083"));
    assertThat(Path.of("..", "Dockerfile")).isRegularFile();
    // The image's Spring AOT processing sees the two switches the task sets (AotConditionsCheck
    // stops a service whose switches differ from its build's).
    assertThat(aotArguments)
        .hasSize(3)
        .allSatisfy(
            arguments ->
                assertThat(arguments.split(" "))
                    .containsExactlyInAnyOrder(
                        "-Dmanagement.opentelemetry.tracing.export.otlp.endpoint="
                            + SpringBootFargateService.TRACES_ENDPOINT,
                        "-Dmanagement.cloudwatch.metrics.export.namespace=" + "SwnShop/dev"));
    assertThat(SpringBootFargateService.TRACES_ENDPOINT_VARIABLE)
        .isEqualTo(relaxed(SpringBootFargateService.TRACES_ENDPOINT_PROPERTY));
    assertThat(SpringBootFargateService.METRICS_NAMESPACE_VARIABLE)
        .isEqualTo(relaxed(SpringBootFargateService.METRICS_NAMESPACE_PROPERTY));
    assertThat(collectors).as("one collector image per service task").hasSize(3);
    var collectorDockerfile = Files.readString(Path.of("otel-collector", "Dockerfile"));
    for (Path collector : collectors) {
      assertThat(collector.resolve("Dockerfile")).hasContent(collectorDockerfile);
    }
  }

  /** The environment variable Spring Boot binds to a property (dots to underscores, upper case). */
  private static String relaxed(String property) {
    return property.replace('.', '_').replace("-", "").toUpperCase(java.util.Locale.ROOT);
  }
}
