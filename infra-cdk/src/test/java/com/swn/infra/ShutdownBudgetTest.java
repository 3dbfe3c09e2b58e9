package com.swn.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ECS sends SIGTERM, waits the container's {@code stopTimeout}, then SIGKILLs. Spring stops its
 * lifecycle phases one after another, each bounded by its own timeout, so the stop timeout must
 * exceed their sum, or a slow drain is cut off mid-way (messages in flight redelivered, outbox
 * events left for the sweep). The phases and their defaults are read from the services' own
 * configuration; what the task's environment sets overrides them.
 */
class ShutdownBudgetTest {

  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static final SynthesizedApp APP = SynthesizedApp.development();

  /**
   * Spring Cloud AWS's listener container defaults (AbstractContainerOptions): how long it waits
   * for messages in flight, then for their acknowledgements, when the basket service does not set
   * them.
   */
  private static final Duration SQS_LISTENER_DEFAULT = Duration.ofSeconds(20);

  private static final Duration SQS_ACKNOWLEDGEMENT_DEFAULT = Duration.ofSeconds(20);

  static Stream<Arguments> services() {
    SwnShop shop = APP.shop();
    return Stream.of(
        Arguments.of("product-service", shop.product().service()),
        Arguments.of("basket-service", shop.basket().service()),
        Arguments.of("ordering-service", shop.ordering().service()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("services")
  void stopTimeoutExceedsTheSumOfTheShutdownPhases(String module, SpringBootFargateService service)
      throws IOException {
    String config =
        Files.readString(REPO.resolve(module).resolve("src/main/resources/application.yml"));
    Map<String, Object> container = container(service);
    Map<String, String> environment = environment(container);
    Map<String, Duration> phases = new HashMap<>();

    phases.put("HTTP drain", setting(config, "timeout-per-shutdown-phase", environment));
    if (config.contains("outbox:")) {
      Duration relayDefault =
          parse(
              match(
                  platformProperties(),
                  "@DefaultValue\\(\"([^\"]+)\"\\) Duration shutdownTimeout"));
      phases.put(
          "outbox relay",
          environment.containsKey("PLATFORM_OUTBOX_SHUTDOWNTIMEOUT")
              ? parse(environment.get("PLATFORM_OUTBOX_SHUTDOWNTIMEOUT"))
              : relayDefault);
    }
    if (config.contains("listener:") && config.contains("shutdown-timeout:")) {
      // The ordering service sets both container timeouts from its one setting.
      Duration listener = setting(config, "shutdown-timeout", environment);
      phases.put("SQS listener", listener);
      phases.put("SQS acknowledgements", listener);
    } else if (config.contains("sqs:")) {
      phases.put("SQS listener", SQS_LISTENER_DEFAULT);
      phases.put("SQS acknowledgements", SQS_ACKNOWLEDGEMENT_DEFAULT);
    }

    Duration sum = phases.values().stream().reduce(Duration.ZERO, Duration::plus);
    Duration stopTimeout = Duration.ofSeconds(((Number) container.get("StopTimeout")).longValue());
    assertThat(phases).as(module + " phases").containsKey("HTTP drain");
    assertThat(stopTimeout)
        .as(module + ": stopTimeout vs. the phases " + phases)
        .isGreaterThan(sum);
  }

  /**
   * {@code key: ${VARIABLE:default}} in the service's application.yml; the task's environment wins.
   */
  private static Duration setting(String config, String key, Map<String, String> environment) {
    Matcher placeholder =
        Pattern.compile(Pattern.quote(key) + ":\\s*\\$\\{([A-Z0-9_]+):([^}]+)}").matcher(config);
    assertThat(placeholder.find()).as(key + " in application.yml").isTrue();
    String variable = placeholder.group(1);
    return parse(environment.getOrDefault(variable, placeholder.group(2)));
  }

  private static String platformProperties() throws IOException {
    return Files.readString(
        REPO.resolve("platform/src/main/java/com/swn/platform/PlatformProperties.java"));
  }

  private static String match(String text, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    assertThat(matcher.find()).as(regex).isTrue();
    return matcher.group(1);
  }

  /**
   * Spring's simple duration format as the services use it: {@code 500ms}, {@code 20s}, {@code 1m}.
   */
  private static Duration parse(String value) {
    Matcher matcher = Pattern.compile("(\\d+)(ms|s|m)").matcher(value.trim());
    assertThat(matcher.matches()).as("duration " + value).isTrue();
    long amount = Long.parseLong(matcher.group(1));
    return switch (matcher.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      default -> Duration.ofMinutes(amount);
    };
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> container(SpringBootFargateService service) {
    Map<String, Object> task = APP.properties(service.taskDefinition());
    return ((List<Map<String, Object>>) task.get("ContainerDefinitions")).getFirst();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> environment(Map<String, Object> container) {
    Map<String, String> environment = new HashMap<>();
    for (Map<String, Object> variable :
        (List<Map<String, Object>>) container.getOrDefault("Environment", new ArrayList<>())) {
      if (variable.get("Value") instanceof String value) {
        environment.put((String) variable.get("Name"), value);
      }
    }
    return environment;
  }
}
