package com.swn.platform.dynamodb;

import com.swn.localaws.LocalAws;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** A fresh table with a string partition key on the shared emulator, one per test. */
public final class TestTables {

  private TestTables() {}

  public static String create(String prefix, String keyName) {
    var aws = LocalAws.shared();
    var table = prefix + "-" + UUID.randomUUID();
    aws.dynamoDb()
        .createTable(
            request ->
                request
                    .tableName(table)
                    .keySchema(key -> key.attributeName(keyName).keyType(KeyType.HASH))
                    .attributeDefinitions(
                        attribute ->
                            attribute.attributeName(keyName).attributeType(ScalarAttributeType.S))
                    .billingMode(BillingMode.PAY_PER_REQUEST));
    aws.dynamoDb().waiter().waitUntilTableExists(request -> request.tableName(table));
    return table;
  }
}
