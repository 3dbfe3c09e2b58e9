package com.swn.localaws;

import io.floci.testcontainers.FlociContainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.OutputFrame;
import org.testcontainers.localstack.LocalStackContainer;

/**
 * The LocalStack and Floci containers: their definitions (pinned images, services, port) and how
 * they are built and started. One is started per test JVM by {@link LocalAws}; Testcontainers (and
 * a shutdown hook) stops it.
 */
final class EmulatorContainers {

  private static final Logger log = LoggerFactory.getLogger(EmulatorContainers.class);

  /** The port LocalStack and Floci serve every AWS API on, inside the container. */
  static final int EDGE_PORT = 4566;

  /**
   * LocalStack community 4.14.0, the last tag that starts without an auth token, with only our
   * three services, loaded at start-up. {@code SQS_ENDPOINT_STRATEGY=dynamic} makes every QueueUrl
   * use the host and port the client called (the mapped port, path style: {@code
   * http://127.0.0.1:<port>/queue/us-east-1/<account>/<name>}), instead of {@code
   * sqs.<region>.localhost.localstack.cloud:4566}.
   */
  static final ContainerDefinition LOCALSTACK =
      new ContainerDefinition(
          Emulator.LOCALSTACK,
          "localstack/localstack:4.14.0",
          "localstack/localstack",
          EDGE_PORT,
          List.of("dynamodb", "sqs", "events"),
          Map.of("SQS_ENDPOINT_STRATEGY", "dynamic", "EAGER_SERVICE_LOADING", "1"));

  /**
   * Floci 1.5.14, the release that was current when {@code io.floci:testcontainers-floci:2.6.0}
   * came out (the module itself defaults to {@code floci/floci:latest}). Our three services are
   * enabled; the services that start sibling containers and publish port ranges (Lambda alone 100
   * ports) are switched off.
   */
  static final ContainerDefinition FLOCI =
      new ContainerDefinition(
          Emulator.FLOCI,
          "floci/floci:1.5.14",
          "floci/floci",
          EDGE_PORT,
          List.of("dynamodb", "sqs", "eventbridge"),
          Map.of());

  private EmulatorContainers() {}

  static ContainerDefinition definition(Emulator emulator) {
    return switch (emulator) {
      case LOCALSTACK -> LOCALSTACK;
      case FLOCI -> FLOCI;
      case MOTO, UNKNOWN ->
          throw new IllegalArgumentException(emulator.id() + " does not run in a container");
    };
  }

  /**
   * The container for {@code definition}, configured but not started (building it needs no running
   * engine).
   */
  static GenericContainer<?> container(ContainerDefinition definition) {
    return switch (definition.emulator()) {
      case LOCALSTACK ->
          new LocalStackContainer(definition.imageName())
              .withServices(definition.services().toArray(String[]::new))
              .withEnv(definition.environment());
      case FLOCI -> floci(definition);
      case MOTO, UNKNOWN ->
          throw new IllegalArgumentException(
              definition.emulator().id() + " does not run in a container");
    };
  }

  /**
   * Starts the container, logging to {@code logDirectory/<emulator>.log}; waits at most {@code
   * timeout}.
   */
  static RunningEmulator start(
      ContainerDefinition definition, Path logDirectory, Duration timeout) {
    GenericContainer<?> container = container(definition);
    Path logFile = logDirectory.resolve(definition.emulator().id() + ".log");
    container.withStartupTimeout(timeout).withLogConsumer(appendTo(logFile));
    log.info("starting {} with Testcontainers (log: {})", definition.image(), logFile);
    container.start();
    RunningEmulator running =
        switch (container) {
          case LocalStackContainer localStack ->
              new RunningEmulator(
                  definition.emulator(),
                  localStack.getEndpoint(),
                  localStack.getRegion(),
                  localStack.getAccessKey(),
                  localStack.getSecretKey(),
                  describe(definition, logFile),
                  localStack::stop);
          case FlociContainer floci ->
              new RunningEmulator(
                  definition.emulator(),
                  URI.create(floci.getEndpoint()),
                  floci.getRegion(),
                  floci.getAccessKey(),
                  floci.getSecretKey(),
                  describe(definition, logFile),
                  floci::stop);
          default -> throw new IllegalStateException("unexpected container " + container);
        };
    log.info("{} answers on {}", definition.image(), running.endpoint());
    return running;
  }

  private static FlociContainer floci(ContainerDefinition definition) {
    List<String> services = definition.services();
    return new FlociContainer(definition.imageName())
        .withDynamoDbConfig(c -> c.enabled(services.contains("dynamodb")))
        .withSqsConfig(c -> c.enabled(services.contains("sqs")))
        .withEventBridgeConfig(c -> c.enabled(services.contains("eventbridge")))
        .withLambdaConfig(c -> c.enabled(false))
        .withRdsConfig(c -> c.enabled(false))
        .withElastiCacheConfig(c -> c.enabled(false))
        .withEcrConfig(c -> c.enabled(false))
        .withEcsConfig(c -> c.enabled(false))
        .withEksConfig(c -> c.enabled(false))
        .withEc2Config(c -> c.enabled(false))
        .withElbV2Config(c -> c.enabled(false))
        .withOpenSearchConfig(c -> c.enabled(false))
        .withMskConfig(c -> c.enabled(false))
        .withCodeBuildConfig(c -> c.enabled(false))
        .withEnv(definition.environment());
  }

  private static String describe(ContainerDefinition definition, Path logFile) {
    return definition.image() + " (Testcontainers, log " + logFile + ")";
  }

  private static Consumer<OutputFrame> appendTo(Path logFile) {
    try {
      Files.createDirectories(logFile.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + logFile.getParent(), e);
    }
    return frame -> {
      try {
        Files.writeString(
            logFile,
            frame.getUtf8String(),
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      } catch (IOException e) {
        // the log is a convenience; a failed write must not stop the tests
      }
    };
  }
}
