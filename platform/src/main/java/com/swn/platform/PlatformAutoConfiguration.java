package com.swn.platform;

import com.swn.platform.events.EventFactory;
import com.swn.platform.outbox.Outbox;
import com.swn.platform.outbox.OutboxRelay;
import io.awspring.cloud.autoconfigure.AwsClientCustomizer;
import io.awspring.cloud.autoconfigure.AwsSyncClientCustomizer;
import io.awspring.cloud.autoconfigure.core.AwsClientBuilderConfigurer;
import io.micrometer.cloudwatch2.CloudWatchMeterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.config.MeterFilter;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClientBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the messaging side every service shares: the event factory, the transactional outbox and
 * its relay to EventBridge. The web side is in {@link PlatformWebAutoConfiguration}.
 */
@AutoConfiguration(
    afterName = {
      "io.awspring.cloud.autoconfigure.core.AwsAutoConfiguration",
      "io.awspring.cloud.autoconfigure.dynamodb.DynamoDbAutoConfiguration",
      "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"
    })
@EnableConfigurationProperties(PlatformProperties.class)
public class PlatformAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * Spring Cloud AWS has no EventBridge support; this applies its endpoint, region and credentials,
   * and the customizers of every sync client (the platform's timeouts among them).
   */
  @Bean
  @ConditionalOnMissingBean
  EventBridgeClient eventBridgeClient(
      AwsClientBuilderConfigurer configurer, ObjectProvider<AwsSyncClientCustomizer> customizers) {
    return configurer
        .configureSyncClient(
            EventBridgeClient.builder(),
            null,
            null,
            Stream.<AwsClientCustomizer<EventBridgeClientBuilder>>empty(),
            customizers.orderedStream())
        .build();
  }

  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnExpression("'${platform.events.source:}' != ''")
  EventFactory eventFactory(JsonMapper jsonMapper, PlatformProperties properties, Clock clock) {
    return new EventFactory(jsonMapper, properties.events(), clock);
  }

  /**
   * CloudWatch bills every exported metric (name + tags) by the month, and a Spring Boot service
   * has hundreds (JVM, HTTP by URI and status, ...). Only the system's own meters go there; the
   * others stay visible on the service itself.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(CloudWatchMeterRegistry.class)
  static class CloudWatchExportConfiguration {

    /**
     * Name prefixes of the meters exported to CloudWatch: the outbox gauges and the domain
     * counters.
     */
    static final List<String> EXPORTED_PREFIXES = List.of("outbox.", "orders.", "basket.");

    @Bean
    MeterRegistryCustomizer<CloudWatchMeterRegistry> onlyTheSystemsOwnMetersToCloudWatch() {
      return registry ->
          registry
              .config()
              .meterFilter(
                  MeterFilter.denyUnless(
                      id -> EXPORTED_PREFIXES.stream().anyMatch(id.getName()::startsWith)));
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnBean(DynamoDbClient.class)
  @ConditionalOnExpression("'${platform.outbox.table:}' != ''")
  static class OutboxConfiguration {

    @Bean
    Outbox outbox(PlatformProperties properties) {
      return new Outbox(properties.outbox().table());
    }

    @Bean
    OutboxRelay outboxRelay(
        DynamoDbClient dynamoDb,
        EventBridgeClient eventBridge,
        PlatformProperties properties,
        Clock clock,
        ObjectProvider<MeterRegistry> meters) {
      return new OutboxRelay(
          dynamoDb,
          eventBridge,
          properties,
          clock,
          meters.getIfAvailable(() -> Metrics.globalRegistry));
    }
  }
}
