package com.swn.localaws;

import com.swn.localaws.ResourceDefinitions.GlobalSecondaryIndex;
import com.swn.localaws.ResourceDefinitions.KeyAttribute;
import com.swn.localaws.ResourceDefinitions.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Translates a table definition into DynamoDB's request shapes, and compares it with an existing
 * table.
 */
final class TableSchemas {

  private TableSchemas() {}

  static CreateTableRequest createRequest(Table table) {
    var request =
        CreateTableRequest.builder()
            .tableName(table.name())
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .attributeDefinitions(attributeDefinitions(table))
            .keySchema(keySchema(table.partitionKey(), table.sortKey()));
    if (!table.globalSecondaryIndexes().isEmpty()) { // DynamoDB rejects an empty index list
      request.globalSecondaryIndexes(
          table.globalSecondaryIndexes().stream().map(TableSchemas::index).toList());
    }
    return request.build();
  }

  /**
   * An existing table whose keys differ from the definition cannot be fixed in place: say so
   * clearly.
   */
  static void checkMatches(Table table, TableDescription actual) {
    List<KeySchemaElement> expected = keySchema(table.partitionKey(), table.sortKey());
    if (!expected.equals(actual.keySchema())) {
      throw new IllegalStateException(
          "table "
              + table.name()
              + " exists with key schema "
              + actual.keySchema()
              + " but resources.json defines "
              + expected
              + "; delete the table (or restart the emulator)");
    }
    List<String> missing =
        table.globalSecondaryIndexes().stream()
            .map(GlobalSecondaryIndex::name)
            .filter(
                name ->
                    actual.globalSecondaryIndexes().stream()
                        .noneMatch(i -> i.indexName().equals(name)))
            .toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "table "
              + table.name()
              + " exists without the indexes "
              + missing
              + " that resources.json defines; delete the table (or restart the emulator)");
    }
  }

  private static software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex index(
      GlobalSecondaryIndex index) {
    return software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex.builder()
        .indexName(index.name())
        .keySchema(keySchema(index.partitionKey(), index.sortKey()))
        .projection(p -> p.projectionType(index.projection()))
        .build();
  }

  private static List<KeySchemaElement> keySchema(
      KeyAttribute partitionKey, @Nullable KeyAttribute sortKey) {
    List<KeySchemaElement> keys = new ArrayList<>();
    keys.add(
        KeySchemaElement.builder()
            .attributeName(partitionKey.name())
            .keyType(KeyType.HASH)
            .build());
    if (sortKey != null) {
      keys.add(
          KeySchemaElement.builder().attributeName(sortKey.name()).keyType(KeyType.RANGE).build());
    }
    return keys;
  }

  /**
   * One definition per key attribute of the table and its indexes (the loader checked types agree).
   */
  private static List<AttributeDefinition> attributeDefinitions(Table table) {
    Map<String, String> types = new LinkedHashMap<>();
    table.keyAttributes().forEach(key -> types.putIfAbsent(key.name(), key.type()));
    return types.entrySet().stream()
        .map(
            e ->
                AttributeDefinition.builder()
                    .attributeName(e.getKey())
                    .attributeType(e.getValue())
                    .build())
        .toList();
  }
}
