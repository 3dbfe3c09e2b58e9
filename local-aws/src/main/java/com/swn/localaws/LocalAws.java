package com.swn.localaws;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * One provisioned local AWS per test JVM, chosen by {@link EmulatorSelection}: the endpoint in
 * {@code AWS_ENDPOINT_URL} if set (LocalStack, Floci, a moto started by {@code make up}), used as
 * is; else the emulator named by {@code -Dtest.emulator} / {@code TEST_EMULATOR}: {@code moto} (the
 * default, started through {@code scripts/moto.sh} on a free port and logged to {@code
 * target/moto-<port>.log}), {@code localstack} (one container per JVM started with Testcontainers
 * when something points at a Docker engine, else LocalStack 4.14.0 on the host through {@code
 * scripts/localstack.sh}, logged to {@code target/localstack-<port>.log}; see {@link Launch}) or
 * {@code floci} (a container; see {@link EmulatorContainers}, logged to {@code
 * target/<emulator>.log}). What this JVM started is stopped when it exits. Asking for Floci without
 * a Docker engine fails at once with a message that says so. Either way the bundled {@link
 * ResourceDefinitions} are provisioned once before {@link #shared()} returns.
 *
 * <pre>{@code
 * @DynamicPropertySource
 * static void aws(DynamicPropertyRegistry registry) {
 *   LocalAws.shared().springProperties().forEach((key, value) -> registry.add(key, () -> value));
 * }
 * }</pre>
 *
 * <p>The clients returned by {@link #dynamoDb()}, {@link #sqs()} and {@link #eventBridge()} are
 * shared by the whole JVM: use them freely, do not close them.
 */
public final class LocalAws {

  /**
   * System property: seconds to wait for the emulator to start and answer (moto's first run may
   * create a virtualenv, a container's first run pulls its image).
   */
  public static final String STARTUP_TIMEOUT_PROPERTY = "localaws.startup-timeout-seconds";

  private static final Logger log = LoggerFactory.getLogger(LocalAws.class);

  private static @Nullable LocalAws shared;
  private static @Nullable RuntimeException startFailure;

  private final Emulator emulator;
  private final boolean startedHere;
  private final String description;
  private final AwsSettings settings;
  private final AwsCredentials credentials;
  private final ResourceDefinitions resources;
  private final DynamoDbClient dynamoDb;
  private final SqsClient sqs;
  private final EventBridgeClient eventBridge;
  private final ProvisioningSummary provisioning;

  /**
   * {@code emulator} is {@link Emulator#UNKNOWN} for an unnamed endpoint: it is then recognised
   * once it answers.
   */
  private LocalAws(
      AwsSettings settings,
      Emulator emulator,
      boolean startedHere,
      String description,
      ResourceDefinitions resources,
      Duration timeout) {
    this.settings = settings;
    this.credentials = settings.credentials().resolveCredentials();
    this.resources = resources;
    this.dynamoDb = settings.dynamoDb();
    this.sqs = settings.sqs();
    this.eventBridge = settings.eventBridge();
    EndpointProbe.awaitAnswer(dynamoDb, timeout, String.valueOf(settings.endpoint()));
    this.emulator = emulator == Emulator.UNKNOWN ? EmulatorDetector.detect(endpoint()) : emulator;
    this.startedHere = startedHere;
    this.description = description;
    this.provisioning = new Provisioner(dynamoDb, sqs, eventBridge).provision(resources);
    log.info("local AWS: {} on {}, provisioned ({})", this.emulator.id(), endpoint(), description);
  }

  /**
   * The JVM-wide instance, started and provisioned on first use; a failed start is rethrown on
   * every call.
   */
  public static synchronized LocalAws shared() {
    if (startFailure != null) {
      throw new IllegalStateException(
          "local AWS failed to start earlier in this JVM", startFailure);
    }
    if (shared == null) {
      try {
        shared = start(System.getenv(), systemProperties(), DockerEnvironment.ofThisMachine());
      } catch (RuntimeException e) {
        startFailure = e;
        throw e;
      }
    }
    return shared;
  }

  /**
   * Starts (or connects to) the emulator that {@code env} and {@code properties} select and
   * provisions it. Selection and the Docker check come first, so a wrong setting fails before
   * anything is started.
   */
  static LocalAws start(
      Map<String, String> env, Map<String, String> properties, DockerEnvironment docker) {
    EmulatorSelection selection = EmulatorSelection.resolve(env, properties);
    Duration timeout =
        Duration.ofSeconds(
            Long.parseLong(properties.getOrDefault(STARTUP_TIMEOUT_PROPERTY, "180").trim()));
    log.info("local AWS: {} ({})", selection.emulator().id(), selection.reason());
    if (!selection.startsEmulator()) {
      AwsSettings fromEnv = AwsSettings.fromEnvironment(env);
      return new LocalAws(
          fromEnv,
          selection.emulator(),
          false,
          "the emulator at " + EmulatorSelection.ENDPOINT_VARIABLE + "=" + selection.endpoint(),
          ResourceDefinitions.load(),
          timeout);
    }
    Path workingDirectory =
        Path.of(properties.getOrDefault("user.dir", System.getProperty("user.dir")));
    Path logDirectory = workingDirectory.resolve("target");
    RunningEmulator running =
        switch (Launch.of(selection.emulator(), docker)) {
          case Launch.OnHost(HostEmulator host) ->
              startOnHost(host, workingDirectory, logDirectory, timeout);
          case Launch.InContainer(ContainerDefinition definition) -> {
            docker.require(definition);
            yield EmulatorContainers.start(definition, logDirectory, timeout);
          }
        };
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(running.stop(), "local-aws-" + running.emulator().id() + "-stop"));
    return new LocalAws(
        running.settings(),
        running.emulator(),
        true,
        running.description(),
        ResourceDefinitions.load(),
        timeout);
  }

  private static RunningEmulator startOnHost(
      HostEmulator host, Path workingDirectory, Path logDirectory, Duration timeout) {
    Path repoRoot = HostEmulatorProcess.findRepoRoot(workingDirectory);
    if (repoRoot == null) {
      throw new IllegalStateException(
          "AWS_ENDPOINT_URL is not set and no directory above "
              + workingDirectory
              + " contains mvnw and "
              + host.script()
              + " to start "
              + host.emulator().id()
              + " with");
    }
    HostEmulatorProcess process = HostEmulatorProcess.start(host, repoRoot, logDirectory, timeout);
    return new RunningEmulator(
        host.emulator(),
        process.endpoint(),
        AwsSettings.DEFAULT_REGION,
        AwsSettings.TEST_CREDENTIAL,
        AwsSettings.TEST_CREDENTIAL,
        host.emulator().id() + " on the host via " + host.script() + ", log " + process.logFile(),
        process::stop);
  }

  private static Map<String, String> systemProperties() {
    Properties properties = System.getProperties();
    Map<String, String> map = new HashMap<>();
    properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
    return map;
  }

  /**
   * The emulator behind {@link #endpoint()}; {@link Emulator#UNKNOWN} for an unnamed one that was
   * not recognised.
   */
  public Emulator emulator() {
    return emulator;
  }

  /**
   * Whether this JVM started the emulator (and stops it on exit), rather than using {@code
   * AWS_ENDPOINT_URL}.
   */
  public boolean startedHere() {
    return startedHere;
  }

  /** What runs behind the endpoint, for logs: image or script, and where its log is. */
  public String description() {
    return description;
  }

  public URI endpoint() {
    URI endpoint = settings.endpoint();
    if (endpoint == null) {
      throw new IllegalStateException("no endpoint");
    }
    return endpoint;
  }

  public String region() {
    return settings.region();
  }

  public String accessKeyId() {
    return credentials.accessKeyId();
  }

  public String secretAccessKey() {
    return credentials.secretAccessKey();
  }

  /**
   * Spring Cloud AWS properties pointing every client at this endpoint (for
   * {@code @DynamicPropertySource}).
   */
  public Map<String, String> springProperties() {
    return Map.of(
        "spring.cloud.aws.endpoint", endpoint().toString(),
        "spring.cloud.aws.region.static", region(),
        "spring.cloud.aws.credentials.access-key", accessKeyId(),
        "spring.cloud.aws.credentials.secret-key", secretAccessKey());
  }

  /**
   * The standard SDK environment variables for a child process (a service started by an end-to-end
   * test).
   */
  public Map<String, String> environment() {
    return Map.of(
        "AWS_ENDPOINT_URL", endpoint().toString(),
        "AWS_REGION", region(),
        "AWS_DEFAULT_REGION", region(),
        "AWS_ACCESS_KEY_ID", accessKeyId(),
        "AWS_SECRET_ACCESS_KEY", secretAccessKey());
  }

  public DynamoDbClient dynamoDb() {
    return dynamoDb;
  }

  public SqsClient sqs() {
    return sqs;
  }

  public EventBridgeClient eventBridge() {
    return eventBridge;
  }

  /** The URL of queue {@code name}, as {@code GetQueueUrl} reports it. */
  public String queueUrl(String name) {
    return sqs.getQueueUrl(r -> r.queueName(name)).queueUrl();
  }

  /** The definitions that were provisioned. */
  public ResourceDefinitions resources() {
    return resources;
  }

  /** What the one provisioning run of this JVM found or created. */
  public ProvisioningSummary provisioning() {
    return provisioning;
  }
}
