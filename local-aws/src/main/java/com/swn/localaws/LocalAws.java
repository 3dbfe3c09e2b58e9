package com.swn.localaws;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * One provisioned local AWS per test JVM. If {@code AWS_ENDPOINT_URL} is set (LocalStack, Floci, a moto
 * started by {@code make up}) it is used as is; otherwise moto is started through {@code scripts/moto.sh} on
 * a free port, logged to {@code target/moto-<port>.log} and stopped when the JVM exits. Either way the
 * bundled {@link ResourceDefinitions} are provisioned once before {@link #shared()} returns.
 *
 * <pre>{@code
 * @DynamicPropertySource
 * static void aws(DynamicPropertyRegistry registry) {
 *   LocalAws.shared().springProperties().forEach((key, value) -> registry.add(key, () -> value));
 * }
 * }</pre>
 *
 * <p>The clients returned by {@link #dynamoDb()}, {@link #sqs()} and {@link #eventBridge()} are shared by
 * the whole JVM: use them freely, do not close them.
 */
public final class LocalAws {

  /** System property: seconds to wait for moto (the first run may create a virtualenv). */
  public static final String STARTUP_TIMEOUT_PROPERTY = "localaws.startup-timeout-seconds";

  private static @Nullable LocalAws shared;
  private static @Nullable RuntimeException startFailure;

  private final AwsSettings settings;
  private final AwsCredentials credentials;
  private final ResourceDefinitions resources;
  private final DynamoDbClient dynamoDb;
  private final SqsClient sqs;
  private final EventBridgeClient eventBridge;
  private final ProvisioningSummary provisioning;

  private LocalAws(AwsSettings settings, ResourceDefinitions resources, Duration timeout) {
    this.settings = settings;
    this.credentials = settings.credentials().resolveCredentials();
    this.resources = resources;
    this.dynamoDb = settings.dynamoDb();
    this.sqs = settings.sqs();
    this.eventBridge = settings.eventBridge();
    EndpointProbe.awaitAnswer(dynamoDb, timeout, String.valueOf(settings.endpoint()));
    this.provisioning = new Provisioner(dynamoDb, sqs, eventBridge).provision(resources);
  }

  /** The JVM-wide instance, started and provisioned on first use; a failed start is rethrown on every call. */
  public static synchronized LocalAws shared() {
    if (startFailure != null) {
      throw new IllegalStateException("local AWS failed to start earlier in this JVM", startFailure);
    }
    if (shared == null) {
      try {
        shared = start(System.getenv());
      } catch (RuntimeException e) {
        startFailure = e;
        throw e;
      }
    }
    return shared;
  }

  private static LocalAws start(Map<String, String> env) {
    ResourceDefinitions resources = ResourceDefinitions.load();
    Duration timeout = Duration.ofSeconds(Long.getLong(STARTUP_TIMEOUT_PROPERTY, 180));
    AwsSettings fromEnv = AwsSettings.fromEnvironment(env);
    if (fromEnv.endpoint() != null) {
      return new LocalAws(fromEnv, resources, timeout);
    }
    Path workingDirectory = Path.of(System.getProperty("user.dir"));
    Path repoRoot = MotoProcess.findRepoRoot(workingDirectory);
    if (repoRoot == null) {
      throw new IllegalStateException("AWS_ENDPOINT_URL is not set and no directory above " + workingDirectory
          + " contains mvnw and scripts/moto.sh to start moto with");
    }
    MotoProcess moto = MotoProcess.start(repoRoot, workingDirectory.resolve("target"), timeout);
    Runtime.getRuntime().addShutdownHook(new Thread(moto::stop, "local-aws-moto-stop"));
    AwsSettings motoSettings = new AwsSettings(moto.endpoint(), AwsSettings.DEFAULT_REGION,
        AwsSettings.staticCredentials(AwsSettings.TEST_CREDENTIAL, AwsSettings.TEST_CREDENTIAL));
    return new LocalAws(motoSettings, resources, timeout);
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

  /** Spring Cloud AWS properties pointing every client at this endpoint (for {@code @DynamicPropertySource}). */
  public Map<String, String> springProperties() {
    return Map.of(
        "spring.cloud.aws.endpoint", endpoint().toString(),
        "spring.cloud.aws.region.static", region(),
        "spring.cloud.aws.credentials.access-key", accessKeyId(),
        "spring.cloud.aws.credentials.secret-key", secretAccessKey());
  }

  /** The standard SDK environment variables for a child process (a service started by an end-to-end test). */
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
