package com.swn.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.awspring.cloud.autoconfigure.core.AwsAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.CredentialsProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.RegionProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.metrics.CloudWatchExportAutoConfiguration;
import io.micrometer.cloudwatch2.CloudWatchMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The CloudWatch registry is on the classpath of every service but exports only when a namespace is
 * configured (as the CDK task definitions do), and then only the system's own meters.
 */
class CloudWatchExportTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  MetricsAutoConfiguration.class,
                  AwsAutoConfiguration.class,
                  CredentialsProviderAutoConfiguration.class,
                  RegionProviderAutoConfiguration.class,
                  CloudWatchExportAutoConfiguration.class,
                  PlatformAutoConfiguration.class))
          .withPropertyValues(CloudWatchTesting.PROPERTIES);

  @Test
  void exportsNothingWithoutANamespace() {
    context.run(app -> assertThat(app).doesNotHaveBean(CloudWatchMeterRegistry.class));
  }

  @Test
  void exportsOnlyTheSystemsMetersOnceANamespaceIsSet() {
    context
        .withPropertyValues("management.cloudwatch.metrics.export.namespace=SwnShop/test")
        .run(
            app -> {
              var registry = app.getBean(CloudWatchMeterRegistry.class);
              registry.counter("outbox.quarantines", "outbox", "t").increment();
              registry.counter("orders.placed").increment();
              registry.counter("jvm.gc.pause").increment();
              registry.counter("http.server.requests").increment();
              assertThat(registry.getMeters())
                  .extracting(meter -> meter.getId().getName())
                  .contains("outbox.quarantines", "orders.placed")
                  .doesNotContain("jvm.gc.pause", "http.server.requests");
            });
  }
}
