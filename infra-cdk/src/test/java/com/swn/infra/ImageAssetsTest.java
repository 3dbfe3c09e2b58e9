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

/** The services' images: one Dockerfile at the repository root, told the module and port. */
class ImageAssetsTest {

  @Test
  void everyServiceImageIsTheSharedDockerfileWithItsModuleAndPort() throws IOException {
    SynthesizedApp.development();
    List<Map<String, String>> images = new ArrayList<>();
    try (Stream<Path> manifests = Files.list(Path.of("target/cdk.out"))) {
      for (Path manifest : manifests.filter(p -> p.toString().endsWith(".assets.json")).toList()) {
        JsonNode dockerImages =
            JsonMapper.shared().readTree(manifest.toFile()).path("dockerImages");
        for (JsonNode image : dockerImages) {
          JsonNode source = image.path("source");
          images.add(
              Map.of(
                  "dockerFile", source.path("dockerFile").asString(),
                  "MODULE", source.path("dockerBuildArgs").path("MODULE").asString(),
                  "PORT", source.path("dockerBuildArgs").path("PORT").asString()));
        }
      }
    }
    assertThat(images)
        .containsExactlyInAnyOrder(
            Map.of("dockerFile", "Dockerfile", "MODULE", "product-service", "PORT", "8081"),
            Map.of("dockerFile", "Dockerfile", "MODULE", "basket-service", "PORT", "8082"),
            Map.of("dockerFile", "Dockerfile", "MODULE", "ordering-service", "PORT", "8083"));
    assertThat(Path.of("..", "Dockerfile")).isRegularFile();
  }
}
