package com.swn.platform.aot;

import static org.assertj.core.api.Assertions.assertThat;

import com.swn.platform.CloudWatchTesting;
import io.awspring.cloud.autoconfigure.core.AwsAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.CredentialsProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.RegionProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.metrics.CloudWatchExportAutoConfiguration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.env.MockEnvironment;

/**
 * The bean definitions come from the real auto-configurations, built with one set of switches (as
 * the AOT processing of a jar does); the check is then asked about a start with another. Every
 * combination of the two switches at build and at start, each set, unset or set to {@code false}.
 */
class AotConditionsCheckTest {

  private static final String ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";
  private static final String NAMESPACE = "management.cloudwatch.metrics.export.namespace";

  /** The ways a switch can be given: not at all, switched off, switched on. */
  private static final List<String> VALUES =
      List.of("", "false", "http://127.0.0.1:4318/v1/traces");

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  MetricsAutoConfiguration.class,
                  OtlpTracingAutoConfiguration.class,
                  AwsAutoConfiguration.class,
                  CredentialsProviderAutoConfiguration.class,
                  RegionProviderAutoConfiguration.class,
                  CloudWatchExportAutoConfiguration.class))
          .withPropertyValues(CloudWatchTesting.PROPERTIES);

  @Test
  void findsAProblemExactlyWhenASwitchDiffersBetweenBuildAndStart() {
    var checked = new ArrayList<String>();
    for (var builtEndpoint : VALUES) {
      for (var builtNamespace : VALUES) {
        context
            .withPropertyValues(properties(builtEndpoint, builtNamespace))
            .run(
                built -> {
                  for (var startEndpoint : VALUES) {
                    for (var startNamespace : VALUES) {
                      var expected = new ArrayList<String>();
                      if (on(builtEndpoint) != on(startEndpoint)) {
                        expected.add(ENDPOINT);
                      }
                      if (on(builtNamespace) != on(startNamespace)) {
                        expected.add(NAMESPACE);
                      }
                      var start = environment(startEndpoint, startNamespace);
                      assertThat(AotConditionsCheck.problems(start, built.getBeanFactory()))
                          .as(
                              "built with [%s, %s], started with [%s, %s]",
                              builtEndpoint, builtNamespace, startEndpoint, startNamespace)
                          .hasSameSizeAs(expected)
                          .zipSatisfy(
                              expected,
                              (problem, property) -> assertThat(problem).contains(property));
                      checked.add(builtEndpoint + builtNamespace + startEndpoint + startNamespace);
                    }
                  }
                });
      }
    }
    assertThat(checked).hasSize(81);
  }

  @Test
  void saysWhatToDoInEitherDirection() {
    context.run(
        built ->
            assertThat(
                    AotConditionsCheck.problems(
                        environment("http://collector", ""), built.getBeanFactory()))
                .singleElement()
                .asString()
                .contains(
                    "generated without it", "SPRING_AOT_ARGUMENTS", "-Dspring.aot.enabled=false"));
    context
        .withPropertyValues(NAMESPACE + "=Shop")
        .run(
            built ->
                assertThat(AotConditionsCheck.problems(environment("", ""), built.getBeanFactory()))
                    .singleElement()
                    .asString()
                    .contains(
                        "generated with " + NAMESPACE + " set", "-Dspring.aot.enabled=false"));
  }

  private static boolean on(String value) {
    return !value.isEmpty() && !value.equals("false");
  }

  private static String[] properties(String endpoint, String namespace) {
    var properties = new ArrayList<String>();
    if (!endpoint.isEmpty()) {
      properties.add(ENDPOINT + "=" + endpoint);
    }
    if (!namespace.isEmpty()) {
      properties.add(NAMESPACE + "=" + namespace);
    }
    return properties.toArray(String[]::new);
  }

  private static MockEnvironment environment(String endpoint, String namespace) {
    var environment = new MockEnvironment();
    if (!endpoint.isEmpty()) {
      environment.setProperty(ENDPOINT, endpoint);
    }
    if (!namespace.isEmpty()) {
      environment.setProperty(NAMESPACE, namespace);
    }
    return environment;
  }
}
