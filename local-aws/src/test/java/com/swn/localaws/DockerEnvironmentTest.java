package com.swn.localaws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Docker check in front of the LocalStack and Floci containers: quick, bounded and explicit.
 */
class DockerEnvironmentTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  @TempDir Path home;

  private final AtomicInteger testcontainersAsked = new AtomicInteger();

  @Test
  void withNothingPointingAtAnEngineItFailsAtOnceWithoutAskingTestcontainers() {
    DockerEnvironment docker = docker(Map.of(), Set.of(), answering(Optional.empty()));

    long start = System.nanoTime();
    Optional<String> problem = docker.problem(TIMEOUT);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    assertThat(testcontainersAsked).hasValue(0);
    assertThat(problem)
        .get()
        .asString()
        .contains(
            "DOCKER_HOST is not set",
            "/var/run/docker.sock",
            home.resolve(".docker/run/docker.sock").toString());
  }

  @Test
  void theFailureSaysWhichContainerNeededDockerAndWhatToDoInstead() {
    DockerEnvironment docker = docker(Map.of(), Set.of(), answering(Optional.empty()));

    assertThatThrownBy(() -> docker.require(EmulatorContainers.LOCALSTACK, TIMEOUT))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(
            "test.emulator=localstack runs localstack/localstack:4.14.0 with Testcontainers")
        .hasMessageContaining("needs a Docker engine")
        .hasMessageContaining("default moto path")
        .hasMessageContaining("AWS_ENDPOINT_URL");
    assertThatThrownBy(() -> docker.require(EmulatorContainers.FLOCI, TIMEOUT))
        .hasMessageContaining("test.emulator=floci runs floci/floci:1.5.14");
  }

  @Test
  void aSocketThatExistsIsCheckedByTestcontainers() {
    DockerEnvironment docker =
        docker(Map.of(), Set.of(Path.of("/var/run/docker.sock")), answering(Optional.empty()));

    assertThat(docker.problem(TIMEOUT)).isEmpty();
    assertThat(testcontainersAsked).hasValue(1);
    docker.require(EmulatorContainers.FLOCI, TIMEOUT);
  }

  @Test
  void dockerHostAndTestcontainersSettingsCountAsPointers() {
    Path rootless = Path.of("/run/user/1000/docker.sock");

    assertThat(
            docker(
                    Map.of("DOCKER_HOST", "tcp://127.0.0.1:2375"),
                    Set.of(),
                    answering(Optional.empty()))
                .pointers())
        .containsExactly("DOCKER_HOST=tcp://127.0.0.1:2375");
    assertThat(
            docker(
                    Map.of("TESTCONTAINERS_HOST_OVERRIDE", "x"),
                    Set.of(),
                    answering(Optional.empty()))
                .pointers())
        .containsExactly("TESTCONTAINERS_HOST_OVERRIDE");
    assertThat(
            docker(
                    Map.of("XDG_RUNTIME_DIR", "/run/user/1000"),
                    Set.of(rootless),
                    answering(Optional.empty()))
                .pointers())
        .containsExactly("socket " + rootless);
  }

  @Test
  void aTestcontainersPropertiesFileNamingAnEngineCountsAsAPointer() throws Exception {
    Path properties =
        Files.writeString(
            home.resolve(".testcontainers.properties"), "tc.host=tcp://127.0.0.1:1\n");
    Path unrelated = Files.writeString(home.resolve("other"), "");

    assertThat(docker(Map.of(), Set.of(properties), answering(Optional.empty())).pointers())
        .containsExactly(properties + ": tc.host");
    Files.writeString(properties, "ryuk.disabled=true\n");
    assertThat(
            docker(Map.of(), Set.of(properties, unrelated), answering(Optional.empty())).pointers())
        .isEmpty();
  }

  @Test
  void whenTestcontainersFindsNoEngineItsReasonIsPassedOn() {
    DockerEnvironment docker =
        docker(
            Map.of("DOCKER_HOST", "unix:///nowhere.sock"),
            Set.of(),
            answering(Optional.of("Could not find a valid Docker environment")));

    assertThat(docker.problem(TIMEOUT))
        .get()
        .asString()
        .contains(
            "Testcontainers found no working Docker engine (DOCKER_HOST=unix:///nowhere.sock)",
            "Could not find a valid Docker environment");
  }

  @Test
  void aTestcontainersCheckThatThrowsIsReportedNotPropagated() {
    DockerEnvironment docker =
        docker(
            Map.of("DOCKER_HOST", "tcp://127.0.0.1:1"),
            Set.of(),
            () -> {
              throw new IllegalStateException("connection refused");
            });

    assertThat(docker.problem(TIMEOUT)).get().asString().contains("connection refused");
  }

  @Test
  void anEngineThatDoesNotAnswerFailsAfterTheTimeoutNotLater() {
    DockerEnvironment docker =
        docker(
            Map.of("DOCKER_HOST", "tcp://127.0.0.1:2376"),
            Set.of(),
            () -> {
              Pause.briefly(Duration.ofSeconds(30));
              return Optional.empty();
            });

    long start = System.nanoTime();
    Optional<String> problem = docker.problem(Duration.ofMillis(300));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(problem)
        .get()
        .asString()
        .contains(
            "did not answer Testcontainers within 300 ms", "localaws.docker-check-timeout-seconds");
  }

  private DockerEnvironment docker(
      Map<String, String> env, Set<Path> existing, Supplier<Optional<String>> check) {
    return new DockerEnvironment(
        env,
        home,
        existing::contains,
        () -> {
          testcontainersAsked.incrementAndGet();
          return check.get();
        });
  }

  private static Supplier<Optional<String>> answering(Optional<String> answer) {
    return () -> answer;
  }
}
