package com.swn.localaws;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.testcontainers.DockerClientFactory;

/**
 * Whether a Docker engine can run the LocalStack or Floci container, decided quickly and said
 * plainly. If nothing points at an engine (no {@code DOCKER_HOST}, no Testcontainers setting, no
 * socket in the usual places), that is the answer at once, without Testcontainers' own detection
 * and its log noise. Otherwise Testcontainers is asked, for at most a bounded time.
 */
final class DockerEnvironment {

  /** System property: seconds to wait for Testcontainers to find and ping the Docker engine. */
  static final String CHECK_TIMEOUT_PROPERTY = "localaws.docker-check-timeout-seconds";

  static final Duration DEFAULT_CHECK_TIMEOUT = Duration.ofSeconds(20);

  private static final List<String> TESTCONTAINERS_ENGINE_KEYS =
      List.of("docker.host", "tc.host", "docker.client.strategy");

  private final Map<String, String> env;
  private final Path home;
  private final Predicate<Path> exists;
  private final Supplier<Optional<String>> testcontainersCheck;

  DockerEnvironment(
      Map<String, String> env,
      Path home,
      Predicate<Path> exists,
      Supplier<Optional<String>> testcontainersCheck) {
    this.env = env;
    this.home = home;
    this.exists = exists;
    this.testcontainersCheck = testcontainersCheck;
  }

  /**
   * This machine: its environment, home directory and file system, and Testcontainers' own check.
   */
  static DockerEnvironment ofThisMachine() {
    return new DockerEnvironment(
        System.getenv(),
        Path.of(System.getProperty("user.home")),
        Files::exists,
        DockerEnvironment::askTestcontainers);
  }

  static Duration checkTimeout() {
    return Duration.ofSeconds(
        Long.getLong(CHECK_TIMEOUT_PROPERTY, DEFAULT_CHECK_TIMEOUT.toSeconds()));
  }

  /** Fails with a message saying what is missing and what to do, unless a Docker engine answers. */
  void require(ContainerDefinition definition, Duration timeout) {
    problem(timeout)
        .ifPresent(
            problem -> {
              throw new IllegalStateException(
                  EmulatorSelection.PROPERTY
                      + "="
                      + definition.emulator().id()
                      + " runs "
                      + definition.image()
                      + " with Testcontainers and needs a Docker engine, but "
                      + problem
                      + ". Start Docker (or point DOCKER_HOST at one); or drop "
                      + EmulatorSelection.PROPERTY
                      + " / "
                      + EmulatorSelection.ENVIRONMENT_VARIABLE
                      + " for the default moto path, which needs no Docker; or start the"
                      + " emulator yourself and set "
                      + EmulatorSelection.ENDPOINT_VARIABLE
                      + ".");
            });
  }

  /** Why no Docker engine can be used, or empty if one answered. */
  Optional<String> problem(Duration timeout) {
    List<String> pointers = pointers();
    if (pointers.isEmpty()) {
      return Optional.of(
          "nothing points at one: DOCKER_HOST is not set, no TESTCONTAINERS_* variable or "
              + testcontainersProperties()
              + " names one, and there is no Docker socket at "
              + String.join(", ", socketCandidates().stream().map(Path::toString).toList()));
    }
    CompletableFuture<Optional<String>> check = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                check.complete(testcontainersCheck.get());
              } catch (RuntimeException | Error e) {
                check.complete(Optional.of(String.valueOf(e.getMessage())));
              }
            },
            "local-aws-docker-check");
    thread.setDaemon(true);
    thread.start();
    try {
      return check
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
          .map(
              detail ->
                  "Testcontainers found no working Docker engine ("
                      + String.join(", ", pointers)
                      + "): "
                      + detail);
    } catch (TimeoutException e) {
      return Optional.of(
          "the Docker engine ("
              + String.join(", ", pointers)
              + ") did not answer Testcontainers within "
              + (timeout.toMillis() % 1000 == 0
                  ? timeout.toSeconds() + " s"
                  : timeout.toMillis() + " ms")
              + " (-D"
              + CHECK_TIMEOUT_PROPERTY
              + "=N to wait longer)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while looking for Docker", e);
    } catch (ExecutionException e) {
      return Optional.of(String.valueOf(e.getCause()));
    }
  }

  /**
   * What points at a Docker engine here: variables, Testcontainers settings, sockets that exist.
   */
  List<String> pointers() {
    List<String> pointers = new ArrayList<>();
    String dockerHost = env.get("DOCKER_HOST");
    if (dockerHost != null && !dockerHost.isBlank()) {
      pointers.add("DOCKER_HOST=" + dockerHost);
    }
    env.keySet().stream()
        .filter(name -> name.startsWith("TESTCONTAINERS_"))
        .sorted()
        .forEach(pointers::add);
    Path properties = testcontainersProperties();
    if (exists.test(properties)) {
      Properties values = read(properties);
      TESTCONTAINERS_ENGINE_KEYS.stream()
          .filter(values::containsKey)
          .forEach(key -> pointers.add(properties + ": " + key));
    }
    socketCandidates().stream().filter(exists).forEach(socket -> pointers.add("socket " + socket));
    return pointers;
  }

  /**
   * The places Docker Engine, Docker Desktop, rootless Docker, Podman, Colima, Rancher and OrbStack
   * put a socket.
   */
  List<Path> socketCandidates() {
    List<Path> candidates =
        new ArrayList<>(
            List.of(Path.of("/var/run/docker.sock"), Path.of("/run/podman/podman.sock")));
    String runtimeDir = env.get("XDG_RUNTIME_DIR");
    if (runtimeDir != null && !runtimeDir.isBlank()) {
      candidates.add(Path.of(runtimeDir, "docker.sock"));
      candidates.add(Path.of(runtimeDir, "podman", "podman.sock"));
    }
    for (String relative :
        List.of(
            ".docker/run/docker.sock",
            ".docker/desktop/docker.sock",
            ".colima/default/docker.sock",
            ".rd/docker.sock",
            ".orbstack/run/docker.sock")) {
      candidates.add(home.resolve(relative));
    }
    return candidates;
  }

  private Path testcontainersProperties() {
    return home.resolve(".testcontainers.properties");
  }

  private static Properties read(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
      properties.load(reader);
    } catch (IOException | RuntimeException e) {
      // unreadable: Testcontainers will say more
    }
    return properties;
  }

  private static Optional<String> askTestcontainers() {
    try {
      DockerClientFactory.instance().client();
      return Optional.empty();
    } catch (RuntimeException e) {
      return Optional.of(messageOf(e));
    }
  }

  private static String messageOf(Throwable e) {
    @Nullable String message = e.getMessage();
    return message == null ? e.toString() : message;
  }
}
