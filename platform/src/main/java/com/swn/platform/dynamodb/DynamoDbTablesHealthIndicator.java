package com.swn.platform.dynamodb;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Readiness of a service that cannot serve a request without its tables: each must exist and be
 * usable. Only the table status is reported, never an SDK message. The whole probe has one deadline
 * ({@code platform.aws.readiness-timeout}), shared by the tables (retries only within it), so a
 * hung DynamoDB makes readiness DOWN within that bound instead of blocking the probe (and a request
 * thread) for the clients' full call timeout per table.
 */
public class DynamoDbTablesHealthIndicator extends AbstractHealthIndicator {

  static final String UNREACHABLE = "UNREACHABLE";
  static final String MISSING = "MISSING";

  private final DynamoDbClient dynamoDb;
  private final List<String> tables;
  private final Duration timeout;

  public DynamoDbTablesHealthIndicator(
      DynamoDbClient dynamoDb, List<String> tables, Duration timeout) {
    super("DynamoDB health check failed");
    this.dynamoDb = dynamoDb;
    this.tables = List.copyOf(tables);
    this.timeout = timeout;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean allUsable = true;
    for (var table : tables) {
      var status =
          allUsable ? status(table, Duration.ofNanos(deadline - System.nanoTime())) : UNREACHABLE;
      builder.withDetail(table, status);
      allUsable &=
          status.equals(TableStatus.ACTIVE.toString())
              || status.equals(TableStatus.UPDATING.toString());
    }
    if (allUsable) {
      builder.up();
    } else {
      builder.down();
    }
  }

  private String status(String table, Duration remaining) {
    if (remaining.isNegative() || remaining.isZero()) {
      return UNREACHABLE;
    }
    try {
      var status =
          dynamoDb
              .describeTable(
                  request ->
                      request
                          .tableName(table)
                          .overrideConfiguration(
                              o -> o.apiCallTimeout(remaining).apiCallAttemptTimeout(remaining)))
              .table()
              .tableStatus();
      return String.valueOf(status);
    } catch (ResourceNotFoundException e) {
      return MISSING;
    } catch (SdkException e) {
      return UNREACHABLE;
    }
  }
}
