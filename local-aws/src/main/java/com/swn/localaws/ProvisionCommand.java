package com.swn.localaws;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Provisions the bundled resource definitions against the endpoint in {@code AWS_ENDPOINT_URL};
 * used by {@code make up}. Prints one line per resource and exits 0, or prints the failure and
 * exits 1.
 *
 * <p>Refuses to run without {@code AWS_ENDPOINT_URL} unless {@code --allow-real-aws} is given: in
 * AWS the CDK stacks own every resource.
 */
public final class ProvisionCommand {

  static final String USAGE =
      """
      usage: java -jar local-aws-exec.jar [--allow-real-aws] [--wait-seconds N]
        Creates the resources of local-aws/resources.json that do not exist yet (idempotent).
        Environment: AWS_ENDPOINT_URL (required unless --allow-real-aws), AWS_REGION (default us-east-1),
                     AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (default test/test with an endpoint).
        --wait-seconds N  how long to wait for the endpoint to answer (default 60)""";

  private ProvisionCommand() {}

  public static void main(String[] args) {
    if (System.getProperty("slf4j.provider") == null) {
      // No logging backend in the runnable jar (the SDK's log lines add nothing here): keep SLF4J
      // quiet.
      System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
      System.setProperty("slf4j.internal.verbosity", "WARN");
    }
    System.exit(run(List.of(args), System.getenv(), System.out, System.err));
  }

  static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(USAGE);
      return 1;
    }
    if (options.help()) {
      out.println(USAGE);
      return 0;
    }
    AwsSettings settings = AwsSettings.fromEnvironment(env);
    if (settings.endpoint() == null && !options.allowRealAws()) {
      err.println(
          "AWS_ENDPOINT_URL is not set: refusing to provision real AWS (CDK owns the resources there)."
              + " Set AWS_ENDPOINT_URL to an emulator, or pass --allow-real-aws for a sandbox account.");
      return 1;
    }
    String target =
        settings.endpoint() == null
            ? "AWS (" + settings.region() + ")"
            : settings.endpoint().toString();
    try (DynamoDbClient dynamoDb = settings.dynamoDb();
        SqsClient sqs = settings.sqs();
        EventBridgeClient eventBridge = settings.eventBridge()) {
      ResourceDefinitions definitions = ResourceDefinitions.load();
      EndpointProbe.awaitAnswer(dynamoDb, options.waitTimeout(), target);
      ProvisioningSummary summary =
          new Provisioner(dynamoDb, sqs, eventBridge).provision(definitions);
      summary.lines().forEach(out::println);
      out.printf(
          "provisioned %d resources on %s (%d created)%n",
          summary.resources().size(), target, summary.count(ProvisioningSummary.Outcome.CREATED));
      return 0;
    } catch (RuntimeException e) {
      err.println("provisioning " + target + " failed: " + e);
      return 1;
    }
  }

  record Options(boolean allowRealAws, Duration waitTimeout, boolean help) {

    static Options parse(List<String> args) {
      boolean allowRealAws = false;
      boolean help = false;
      Duration wait = Duration.ofSeconds(60);
      for (int i = 0; i < args.size(); i++) {
        switch (args.get(i)) {
          case "--allow-real-aws" -> allowRealAws = true;
          case "-h", "--help" -> help = true;
          case "--wait-seconds" -> {
            if (i + 1 >= args.size() || !args.get(i + 1).matches("\\d{1,5}")) {
              throw new IllegalArgumentException("--wait-seconds needs a number of seconds");
            }
            wait = Duration.ofSeconds(Long.parseLong(args.get(++i)));
          }
          default -> throw new IllegalArgumentException("unknown argument: " + args.get(i));
        }
      }
      return new Options(allowRealAws, wait, help);
    }
  }
}
