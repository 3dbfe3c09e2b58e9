package com.swn.localaws;

import com.swn.localaws.ProvisioningSummary.Kind;
import com.swn.localaws.ProvisioningSummary.Outcome;
import com.swn.localaws.ProvisioningSummary.ProvisionedResource;
import com.swn.localaws.ResourceDefinitions.Table;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** Create-if-absent for DynamoDB tables, then wait until ACTIVE and enable TTL. */
final class TableProvisioner {

  private static final Duration ACTIVE_TIMEOUT = Duration.ofMinutes(3);

  private final DynamoDbClient dynamoDb;

  TableProvisioner(DynamoDbClient dynamoDb) {
    this.dynamoDb = dynamoDb;
  }

  ProvisionedResource provision(Table table) {
    Outcome outcome = Outcome.EXISTED;
    if (describe(table.name()).isEmpty()) {
      try {
        dynamoDb.createTable(TableSchemas.createRequest(table));
        outcome = Outcome.CREATED;
      } catch (ResourceInUseException concurrentlyCreated) {
        // Another process created it between our describe and create: fine, wait for it below.
      }
    }
    TableDescription active = awaitActive(table.name());
    TableSchemas.checkMatches(table, active);
    table.optionalTtlAttribute().ifPresent(attribute -> enableTtl(table.name(), attribute));
    return new ProvisionedResource(Kind.TABLE, table.name(), outcome, active.tableArn(), "");
  }

  private Optional<TableDescription> describe(String name) {
    try {
      return Optional.of(dynamoDb.describeTable(r -> r.tableName(name)).table());
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    }
  }

  private TableDescription awaitActive(String name) {
    long deadline = System.nanoTime() + ACTIVE_TIMEOUT.toNanos();
    while (true) {
      Optional<TableDescription> table = describe(name);
      if (table.isPresent() && isActive(table.get())) {
        return table.get();
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "table " + name + " did not become ACTIVE within " + ACTIVE_TIMEOUT);
      }
      Pause.briefly(Duration.ofMillis(500));
    }
  }

  private static boolean isActive(TableDescription table) {
    return table.tableStatus() == TableStatus.ACTIVE
        && table.globalSecondaryIndexes().stream()
            .allMatch(
                index -> index.indexStatus() == null || index.indexStatus() == IndexStatus.ACTIVE);
  }

  private void enableTtl(String table, String attribute) {
    if (ttlEnabled(table, attribute)) {
      return;
    }
    try {
      dynamoDb.updateTimeToLive(
          r ->
              r.tableName(table)
                  .timeToLiveSpecification(ttl -> ttl.attributeName(attribute).enabled(true)));
    } catch (DynamoDbException e) {
      // Real DynamoDB rejects enabling TTL twice; a concurrent provisioner may have just done it.
      if (!ttlEnabled(table, attribute)) {
        throw e;
      }
    }
  }

  private boolean ttlEnabled(String table, String attribute) {
    var ttl = dynamoDb.describeTimeToLive(r -> r.tableName(table)).timeToLiveDescription();
    TimeToLiveStatus status = ttl.timeToLiveStatus();
    boolean on = status == TimeToLiveStatus.ENABLED || status == TimeToLiveStatus.ENABLING;
    if (on && !attribute.equals(ttl.attributeName())) {
      throw new IllegalStateException(
          "table "
              + table
              + " has TTL on attribute "
              + ttl.attributeName()
              + ", the definition says "
              + attribute);
    }
    return on;
  }
}
