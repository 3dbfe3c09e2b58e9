package com.swn.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.swn.localaws.LocalAws;
import com.swn.platform.PlatformProperties;
import com.swn.testsupport.EventRecorder;
import com.swn.testsupport.Unreachable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The relay against a real emulator, with the faults injected the way they happen: an entry
 * EventBridge rejects inside a 200 response, a failing {@code PutEvents} call, a crash after commit.
 */
class OutboxRelayIntegrationTest {

  private static final LocalAws AWS = LocalAws.shared();
  private static final String TABLE = "product-outbox";
  private static final String QUEUE = "BasketProductEventsQueue";

  private static final EventRecorder EVENTS = new EventRecorder(AWS.sqs(), AWS.queueUrl(QUEUE));

  private final Outbox outbox = new Outbox(TABLE);

  private static PlatformProperties settings(String busName) {
    return new PlatformProperties(
        new PlatformProperties.Events(busName, "com.swn.product"),
        new PlatformProperties.Outbox(TABLE, Duration.ofHours(1), Duration.ofSeconds(5), 100, Duration.ofSeconds(5)),
        new PlatformProperties.Web(DataSize.ofKilobytes(64)));
  }

  private static OutboxRelay relay(String busName, Clock clock) {
    return new OutboxRelay(AWS.dynamoDb(), AWS.eventBridge(), settings(busName), clock);
  }

  private static OutboxEvent priceChanged(String productId, String detail) {
    return new OutboxEvent(UUID.randomUUID().toString(), "com.swn.product", "ProductPriceChanged", detail, Instant.now());
  }

  private static OutboxEvent priceChanged(String productId) {
    return priceChanged(productId, "{\"eventType\":\"ProductPriceChanged\",\"data\":{\"productId\":\"" + productId + "\"}}");
  }

  private void commit(OutboxEvent... events) {
    List<TransactWriteItem> items = new ArrayList<>();
    for (var event : events) {
      items.add(outbox.put(event));
    }
    AWS.dynamoDb().transactWriteItems(request -> request.transactItems(items));
  }

  private static boolean inOutbox(OutboxEvent event) {
    return AWS.dynamoDb().getItem(r -> r.tableName(TABLE).key(Map.of("id", AttributeValue.fromS(event.id()))).consistentRead(true)).hasItem();
  }

  @Test
  void keepsAnEntryThatEventBridgeRejectedInsideA200Response() {
    var good = priceChanged("good-" + UUID.randomUUID());
    var rejected = priceChanged("bad", "this is not JSON");
    commit(good, rejected);

    int published = relay("SwnEventBus", Clock.systemUTC()).publish(List.of(good, rejected));

    assertThat(published).isEqualTo(1);
    assertThat(inOutbox(good)).as("published event removed").isFalse();
    assertThat(inOutbox(rejected)).as("rejected event kept for retry").isTrue();
    AWS.dynamoDb().deleteItem(r -> r.tableName(TABLE).key(Map.of("id", AttributeValue.fromS(rejected.id()))));
  }

  @Test
  void keepsEverythingWhenThePutEventsCallFails() {
    var event = priceChanged("lost-" + UUID.randomUUID());
    commit(event);

    // EventBridge unreachable. (A bus that does not exist fails the call on moto, but LocalStack accepts the
    // entry and drops it: EmulatorGap.PUT_EVENTS_TO_MISSING_BUS_ACCEPTED.)
    int published;
    try (EventBridgeClient unreachable = EventBridgeClient.builder()
        .endpointOverride(Unreachable.endpoint())
        .region(Region.of(AWS.region()))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(AWS.accessKeyId(), AWS.secretAccessKey())))
        .build()) {
      published = new OutboxRelay(AWS.dynamoDb(), unreachable, settings("SwnEventBus"), Clock.systemUTC()).publish(List.of(event));
    }

    assertThat(published).isZero();
    assertThat(inOutbox(event)).isTrue();
    assertThat(relay("SwnEventBus", Clock.systemUTC()).publish(List.of(event))).isEqualTo(1);
    assertThat(inOutbox(event)).isFalse();
  }

  @Test
  void sweepPublishesWhatACrashedInstanceCommittedButNeverSent() {
    var productId = "orphan-" + UUID.randomUUID();
    var orphan = priceChanged(productId);
    commit(orphan);
    var now = Clock.systemUTC();
    var later = Clock.fixed(Instant.now().plusSeconds(60), ZoneOffset.UTC);

    assertThat(relay("SwnEventBus", now).sweep()).as("too young: left to the fast path").isZero();
    assertThat(relay("SwnEventBus", later).sweep()).isGreaterThanOrEqualTo(1);

    assertThat(inOutbox(orphan)).isFalse();
    assertThat(EVENTS.await(EventRecorder.about("ProductPriceChanged", productId), 1)).isNotEmpty();
  }
}
