package com.swn.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Node;

/**
 * Everything the app reads from CDK context and the environment, read once and validated. Stacks
 * get this record and never look at context themselves.
 *
 * <p>Keys ({@code cdk deploy -c key=value}; all optional): {@code env} (default {@code dev}),
 * {@code production} (default: {@code env == prod}), {@code account} / {@code region} (default
 * {@code CDK_DEFAULT_ACCOUNT} / {@code CDK_DEFAULT_REGION}; both absent = environment-agnostic
 * templates), {@code egress} ({@code nat} | {@code endpoints}), {@code
 * <service>.cpu|memory|minTasks|maxTasks} for {@code product}, {@code basket}, {@code ordering},
 * {@code api.rateLimit}, {@code api.burstLimit}, {@code api.corsOrigins} (comma separated), {@code
 * scaling.cpuPercent}, {@code scaling.requestsPerTask}, {@code scaling.backlogPerTask}, {@code
 * logRetentionDays}, {@code alarmEmail}, {@code repoRoot}.
 */
public record InfraConfig(
    String envName,
    boolean production,
    @Nullable String account,
    @Nullable String region,
    Egress egress,
    ServiceSize product,
    ServiceSize basket,
    ServiceSize ordering,
    ApiSettings api,
    ScalingTargets scaling,
    RetentionDays logRetention,
    @Nullable String alarmEmail,
    Path repoRoot) {

  private static final Pattern ENV_NAME = Pattern.compile("[a-z][a-z0-9-]{0,15}");
  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  public InfraConfig {
    Objects.requireNonNull(envName, "envName");
    if (!ENV_NAME.matcher(envName).matches()) {
      throw new InvalidConfigException("env must match " + ENV_NAME + ", was '" + envName + "'");
    }
    if (account != null && !ACCOUNT.matcher(account).matches()) {
      throw new InvalidConfigException("account must be 12 digits, was '" + account + "'");
    }
    if (region != null && !REGION.matcher(region).matches()) {
      throw new InvalidConfigException("region is not a region name: '" + region + "'");
    }
    if ((account == null) != (region == null)) {
      throw new InvalidConfigException(
          "set both account and region (or neither, for environment-agnostic templates)");
    }
    if (alarmEmail != null && !EMAIL.matcher(alarmEmail).matches()) {
      throw new InvalidConfigException("alarmEmail is not an e-mail address: '" + alarmEmail + "'");
    }
    Objects.requireNonNull(egress, "egress");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(basket, "basket");
    Objects.requireNonNull(ordering, "ordering");
    Objects.requireNonNull(api, "api");
    Objects.requireNonNull(scaling, "scaling");
    Objects.requireNonNull(logRetention, "logRetention");
    if (!Files.isDirectory(repoRoot.resolve("infra-cdk"))) {
      throw new InvalidConfigException("repoRoot " + repoRoot + " has no infra-cdk directory");
    }
  }

  /**
   * The CloudWatch namespace the services export their Micrometer metrics to (outbox gauges, order
   * counters); the alarms on those metrics read the same namespace, and the services may write no
   * other.
   */
  public String metricsNamespace() {
    return "SwnShop/" + envName;
  }

  /** Stage settings of the HTTP API. */
  public record ApiSettings(int rateLimit, int burstLimit, List<String> corsOrigins) {
    public ApiSettings {
      if (rateLimit < 1 || burstLimit < 1 || burstLimit > 5000) {
        throw new InvalidConfigException("api.rateLimit >= 1 and 1 <= api.burstLimit <= 5000");
      }
      corsOrigins = List.copyOf(corsOrigins);
      if (corsOrigins.isEmpty()) {
        throw new InvalidConfigException("api.corsOrigins needs at least one origin (or *)");
      }
    }
  }

  /**
   * Autoscaling targets.
   *
   * @param cpuPercent average CPU the API services aim for
   * @param requestsPerTask ALB requests per task per minute the API services aim for
   * @param backlogPerTask visible messages per ordering task the worker aims for: what one task
   *     clears within the acceptable delay (about 5 msg/s for 20 s)
   */
  public record ScalingTargets(int cpuPercent, int requestsPerTask, int backlogPerTask) {
    public ScalingTargets {
      if (cpuPercent < 10 || cpuPercent > 90) {
        throw new InvalidConfigException("scaling.cpuPercent must be 10..90, was " + cpuPercent);
      }
      if (requestsPerTask < 1 || backlogPerTask < 1) {
        throw new InvalidConfigException(
            "scaling.requestsPerTask and scaling.backlogPerTask must be >= 1");
      }
    }
  }

  /** The stacks' environment; unresolved account and region make environment-agnostic templates. */
  public Environment environment() {
    return Environment.builder().account(account).region(region).build();
  }

  /** Stateful resources survive a stack deletion in production and are deleted elsewhere. */
  public RemovalPolicy removalPolicy() {
    return production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
  }

  /** The name prefix of every stack, e.g. {@code SwnDev}. */
  public String stackPrefix() {
    StringBuilder prefix = new StringBuilder("Swn");
    for (String part : envName.split("-")) {
      prefix.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return prefix.toString();
  }

  /** Reads the context of {@code node} (normally the app's) and the process environment. */
  public static InfraConfig from(Node node) {
    return from(
        key -> {
          Object value = node.tryGetContext(key);
          return value == null ? null : String.valueOf(value);
        },
        System.getenv());
  }

  static InfraConfig from(
      Function<String, @Nullable String> context, Map<String, String> environment) {
    Settings settings = new Settings(context);
    String envName = settings.text("env", "dev");
    boolean production = settings.bool("production", envName.equals("prod"));
    int minTasks = production ? 2 : 1;
    int maxTasks = production ? 10 : 3;
    return new InfraConfig(
        envName,
        production,
        settings.optional("account", environment.get("CDK_DEFAULT_ACCOUNT")),
        settings.optional("region", environment.get("CDK_DEFAULT_REGION")),
        Egress.parse(settings.text("egress", production ? "endpoints" : "nat")),
        settings.size("product", 512, 1024, minTasks, maxTasks),
        settings.size("basket", 512, 1024, minTasks, maxTasks),
        settings.size("ordering", 512, 1024, minTasks, maxTasks),
        new ApiSettings(
            settings.integer("api.rateLimit", production ? 500 : 50),
            settings.integer("api.burstLimit", production ? 1000 : 100),
            Arrays.stream(settings.text("api.corsOrigins", "*").split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList()),
        new ScalingTargets(
            settings.integer("scaling.cpuPercent", 60),
            settings.integer("scaling.requestsPerTask", 3000),
            settings.integer("scaling.backlogPerTask", 100)),
        retention(settings.integer("logRetentionDays", production ? 90 : 14)),
        settings.optional("alarmEmail", null),
        settings.optional("repoRoot", null) instanceof String root
            ? Path.of(root).toAbsolutePath().normalize()
            : findRepoRoot(Path.of("").toAbsolutePath()));
  }

  private static RetentionDays retention(int days) {
    return switch (days) {
      case 7 -> RetentionDays.ONE_WEEK;
      case 14 -> RetentionDays.TWO_WEEKS;
      case 30 -> RetentionDays.ONE_MONTH;
      case 90 -> RetentionDays.THREE_MONTHS;
      case 180 -> RetentionDays.SIX_MONTHS;
      case 365 -> RetentionDays.ONE_YEAR;
      default ->
          throw new InvalidConfigException(
              "logRetentionDays must be 7, 14, 30, 90, 180 or 365, was " + days);
    };
  }

  /**
   * The repository root: the nearest directory at or above {@code start} holding
   * infra-cdk/cdk.json.
   */
  static Path findRepoRoot(Path start) {
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("infra-cdk/cdk.json"))) {
        return dir;
      }
    }
    throw new InvalidConfigException(
        "no infra-cdk/cdk.json at or above " + start + ": set -c repoRoot=...");
  }

  /** Typed access to string-valued context. */
  private record Settings(Function<String, @Nullable String> context) {

    @Nullable String optional(String key, @Nullable String fallback) {
      String value = context.apply(key);
      return value == null || value.isBlank() ? fallback : value.strip();
    }

    String text(String key, String fallback) {
      String value = optional(key, fallback);
      return value == null ? fallback : value;
    }

    int integer(String key, int fallback) {
      String value = optional(key, null);
      if (value == null) {
        return fallback;
      }
      try {
        return Integer.parseInt(value);
      } catch (NumberFormatException e) {
        throw new InvalidConfigException(key + " must be an integer, was '" + value + "'");
      }
    }

    boolean bool(String key, boolean fallback) {
      String value = optional(key, null);
      if (value == null) {
        return fallback;
      }
      return switch (value) {
        case "true" -> true;
        case "false" -> false;
        default ->
            throw new InvalidConfigException(key + " must be true or false, was '" + value + "'");
      };
    }

    ServiceSize size(String service, int cpu, int memory, int minTasks, int maxTasks) {
      try {
        return new ServiceSize(
            integer(service + ".cpu", cpu),
            integer(service + ".memory", memory),
            integer(service + ".minTasks", minTasks),
            integer(service + ".maxTasks", maxTasks));
      } catch (InvalidConfigException e) {
        throw new InvalidConfigException(service + ": " + e.getMessage());
      }
    }
  }
}
