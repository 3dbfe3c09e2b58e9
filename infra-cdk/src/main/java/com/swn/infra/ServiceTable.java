package com.swn.infra;

import org.jspecify.annotations.Nullable;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.constructs.Construct;

/**
 * The one shape every service table has: on-demand, point-in-time recovery, encryption with an
 * AWS-owned key (free), a generated name, and the removal policy and deletion protection of the
 * environment. Key attributes are strings, as in {@code resources.json}.
 */
final class ServiceTable {

  private ServiceTable() {}

  /**
   * A table keyed by {@code partitionKey} (and {@code sortKey}), expiring items by {@code
   * ttlAttribute}.
   */
  static Table create(
      Construct scope,
      String id,
      InfraConfig config,
      String partitionKey,
      @Nullable String sortKey,
      @Nullable String ttlAttribute) {
    Table.Builder builder =
        Table.Builder.create(scope, id)
            .partitionKey(key(partitionKey))
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .pointInTimeRecoverySpecification(
                PointInTimeRecoverySpecification.builder().pointInTimeRecoveryEnabled(true).build())
            .encryption(TableEncryption.DEFAULT)
            .deletionProtection(config.production())
            .removalPolicy(config.removalPolicy());
    if (sortKey != null) {
      builder.sortKey(key(sortKey));
    }
    if (ttlAttribute != null) {
      builder.timeToLiveAttribute(ttlAttribute);
    }
    return builder.build();
  }

  /** Adds a global secondary index on string keys. */
  static void addIndex(
      Table table,
      String indexName,
      String partitionKey,
      String sortKey,
      ProjectionType projection) {
    table.addGlobalSecondaryIndex(
        GlobalSecondaryIndexProps.builder()
            .indexName(indexName)
            .partitionKey(key(partitionKey))
            .sortKey(key(sortKey))
            .projectionType(projection)
            .build());
  }

  private static Attribute key(String name) {
    return Attribute.builder().name(name).type(AttributeType.STRING).build();
  }
}
