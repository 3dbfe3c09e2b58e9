package com.swn.basket;

import com.swn.platform.PlatformProperties;
import com.swn.platform.aws.AwsClientSettings;
import com.swn.platform.dynamodb.DynamoDbTablesHealthIndicator;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Not ready without all four tables: a checkout writes to three of them in one transaction, and an
 * add reads its prices from the fourth.
 */
@Configuration(proxyBeanMethods = false)
class ReadinessConfiguration {

  @Bean
  DynamoDbTablesHealthIndicator dynamoDbTablesHealthIndicator(
      DynamoDbClient dynamoDb,
      AwsClientSettings aws,
      BasketProperties basket,
      PlatformProperties platform) {
    return new DynamoDbTablesHealthIndicator(
        dynamoDb,
        List.of(
            basket.table(),
            platform.outbox().table(),
            basket.idempotencyTable(),
            basket.priceTable()),
        aws.readinessTimeout());
  }
}
