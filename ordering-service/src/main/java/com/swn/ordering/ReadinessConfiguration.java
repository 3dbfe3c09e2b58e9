package com.swn.ordering;

import com.swn.platform.aws.AwsClientSettings;
import com.swn.platform.dynamodb.DynamoDbTablesHealthIndicator;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Not ready without the order table: every read and every placed order needs it. The queue needs no
 * probe: with {@code queue-not-found-strategy: FAIL} the service does not start without it.
 */
@Configuration(proxyBeanMethods = false)
class ReadinessConfiguration {

  @Bean
  DynamoDbTablesHealthIndicator dynamoDbTablesHealthIndicator(
      DynamoDbClient dynamoDb, AwsClientSettings aws, OrderingProperties ordering) {
    return new DynamoDbTablesHealthIndicator(
        dynamoDb, List.of(ordering.table()), aws.readinessTimeout());
  }
}
