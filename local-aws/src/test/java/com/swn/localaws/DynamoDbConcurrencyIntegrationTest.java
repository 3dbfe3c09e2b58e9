package com.swn.localaws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Transactions racing plain writes on one table, as the services do (the basket's outbox
 * transactions while other requests write): DynamoDB answers every one. The SDK's retries are off,
 * so a server error the emulator returns is seen here instead of being retried away. moto and host
 * LocalStack pass only because our launchers serialize their DynamoDB calls
 * (tools/moto/moto_server_fast.py, tools/localstack/dynamodb-moto).
 */
class DynamoDbConcurrencyIntegrationTest {

  private static final int WRITERS = 8;
  private static final int WRITES_EACH = 40;

  @Test
  void transactionsRacingPlainWritesNeverFailWithAServerError() throws Exception {
    LocalAws aws = LocalAws.shared();
    String table = "concurrency-" + UUID.randomUUID().toString().substring(0, 8);
    aws.dynamoDb()
        .createTable(
            r ->
                r.tableName(table)
                    .billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(
                        a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH)));
    // a table with some content (150 items of 1 kB), so that copying it (moto's rollback copy)
    // takes a while
    String padding = "x".repeat(1000);
    for (int i = 0; i < 150; i++) {
      aws.dynamoDb().putItem(item(table, "seed-" + i, padding));
    }
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    CyclicBarrier start = new CyclicBarrier(WRITERS);

    try (DynamoDbClient noRetries =
        DynamoDbClient.builder()
            .endpointOverride(aws.endpoint())
            .region(Region.of(aws.region()))
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(aws.accessKeyId(), aws.secretAccessKey())))
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
            .build()) {
      CompletableFuture.allOf(
              IntStream.range(0, WRITERS)
                  .mapToObj(
                      writer ->
                          CompletableFuture.runAsync(
                              () -> {
                                await(start);
                                for (int i = 0; i < WRITES_EACH; i++) {
                                  String key = "w" + writer + "-" + i;
                                  try {
                                    if (writer % 2 == 0) {
                                      noRetries.transactWriteItems(
                                          t ->
                                              t.transactItems(
                                                  TransactWriteItem.builder()
                                                      .put(
                                                          p ->
                                                              p.tableName(table)
                                                                  .item(attributes(key, "t")))
                                                      .build()));
                                    } else {
                                      noRetries.putItem(item(table, key, "p"));
                                    }
                                  } catch (DynamoDbException e) {
                                    failures.add(
                                        key
                                            + ": "
                                            + e.statusCode()
                                            + " "
                                            + e.awsErrorDetails().errorMessage());
                                  }
                                }
                              }))
                  .toArray(CompletableFuture[]::new))
          .join();
    }

    assertThat(failures).isEmpty();
    assertThat(aws.dynamoDb().scan(r -> r.tableName(table).select("COUNT")).count())
        .isEqualTo(150 + WRITERS * WRITES_EACH);
  }

  private static PutItemRequest item(String table, String key, String value) {
    return PutItemRequest.builder().tableName(table).item(attributes(key, value)).build();
  }

  private static Map<String, AttributeValue> attributes(String key, String value) {
    return Map.of("pk", AttributeValue.fromS(key), "v", AttributeValue.fromS(value));
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
