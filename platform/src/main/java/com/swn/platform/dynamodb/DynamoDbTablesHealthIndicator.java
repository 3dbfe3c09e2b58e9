package com.swn.platform.dynamodb;

import java.util.List;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Readiness of a service that cannot serve a request without its tables: each must exist and be
 * usable. Only the table status is reported, never an SDK message.
 */
public class DynamoDbTablesHealthIndicator extends AbstractHealthIndicator {

  private final DynamoDbClient dynamoDb;
  private final List<String> tables;

  public DynamoDbTablesHealthIndicator(DynamoDbClient dynamoDb, List<String> tables) {
    super("DynamoDB health check failed");
    this.dynamoDb = dynamoDb;
    this.tables = List.copyOf(tables);
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    boolean allUsable = true;
    for (var table : tables) {
      var status = dynamoDb.describeTable(request -> request.tableName(table)).table().tableStatus();
      builder.withDetail(table, String.valueOf(status));
      allUsable &= status == TableStatus.ACTIVE || status == TableStatus.UPDATING;
    }
    if (allUsable) {
      builder.up();
    } else {
      builder.down();
    }
  }
}
