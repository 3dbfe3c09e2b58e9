package com.swn.product;

import com.swn.platform.PlatformProperties;
import com.swn.platform.aws.AwsClientSettings;
import com.swn.platform.dynamodb.DynamoDbTablesHealthIndicator;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Not ready without both tables: a write needs the product table and the outbox together. */
@Configuration(proxyBeanMethods = false)
class ReadinessConfiguration {

  @Bean
  DynamoDbTablesHealthIndicator dynamoDbTablesHealthIndicator(
      DynamoDbClient dynamoDb,
      AwsClientSettings aws,
      ProductServiceProperties product,
      PlatformProperties platform) {
    return new DynamoDbTablesHealthIndicator(
        dynamoDb, List.of(product.table(), platform.outbox().table()), aws.readinessTimeout());
  }
}
