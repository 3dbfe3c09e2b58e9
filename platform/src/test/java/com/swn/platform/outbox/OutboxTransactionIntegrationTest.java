package com.swn.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.swn.localaws.LocalAws;
import com.swn.platform.PlatformProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** The one unit of work of every service's writes, against a real emulator. */
class OutboxTransactionIntegrationTest {

  private static final LocalAws AWS = LocalAws.shared();

  private final String table = OutboxRelayIntegrationTest.newOutboxTable();
  private final TransactionalOutbox outbox =
      new TransactionalOutbox(
          AWS.dynamoDb(),
          new Outbox(table),
          new OutboxRelay(
              AWS.dynamoDb(),
              AWS.eventBridge(),
              new PlatformProperties(
                  new PlatformProperties.Events("SwnEventBus", "com.swn.test"),
                  new PlatformProperties.Outbox(
                      table,
                      Duration.ofHours(1),
                      Duration.ofSeconds(5),
                      100,
                      Duration.ofSeconds(5)),
                  new PlatformProperties.Web(DataSize.ofKilobytes(64))),
              Clock.systemUTC()));

  private static final class FirstError extends RuntimeException {}

  private static final class SecondError extends RuntimeException {}

  @Test
  void writesTheItemsAndTheEventsTogetherThenHandsTheEventsToTheRelay() {
    var event = event();

    outbox.begin().write(put("state-1")).publish(event).commit();

    assertThat(exists("state-1")).isTrue();
    // the relay deletes an entry once EventBridge accepted it: it was written, and handed over
    await().atMost(Duration.ofSeconds(20)).until(() -> !exists(event.id()));
  }

  @Test
  void theFirstItemWhoseConditionFailsAnswersWithItsError() {
    var event = event();
    var transaction =
        outbox
            .begin()
            .write(put("state-2"))
            .write(putIfPresent("absent-a"), FirstError::new)
            .write(putIfPresent("absent-b"), SecondError::new)
            .publish(event);

    assertThatThrownBy(() -> transaction.commit(SecondError::new)).isInstanceOf(FirstError.class);
    assertThat(exists("state-2")).as("nothing of a cancelled transaction is written").isFalse();
    assertThat(exists(event.id())).isFalse();
  }

  @Test
  void aFailedConditionThatNamesNoErrorIsRethrownAsItCame() {
    var transaction = outbox.begin().write(putIfPresent("absent-c")).publish(event());

    assertThatThrownBy(() -> transaction.commit(FirstError::new))
        .isInstanceOf(TransactionCanceledException.class);
  }

  private static OutboxEvent event() {
    return new OutboxEvent(
        UUID.randomUUID().toString(),
        "com.swn.test.outbox",
        "OutboxTransactionTest",
        "{}",
        Instant.now());
  }

  private TransactWriteItem put(String id) {
    return TransactWriteItem.builder()
        .put(Put.builder().tableName(table).item(Map.of("id", AttributeValue.fromS(id))).build())
        .build();
  }

  /** A put that fails its condition unless the item exists already. */
  private TransactWriteItem putIfPresent(String id) {
    return TransactWriteItem.builder()
        .put(
            Put.builder()
                .tableName(table)
                .item(Map.of("id", AttributeValue.fromS(id)))
                .conditionExpression("attribute_exists(id)")
                .build())
        .build();
  }

  private boolean exists(String id) {
    var response =
        AWS.dynamoDb()
            .getItem(
                r ->
                    r.tableName(table)
                        .key(Map.of("id", AttributeValue.fromS(id)))
                        .consistentRead(true));
    return response.hasItem() && !response.item().isEmpty();
  }
}
