package com.swn.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.swn.localaws.LocalAws;
import com.swn.platform.PlatformProperties;
import com.swn.platform.dynamodb.TestTables;
import com.swn.testsupport.EventRecorder;
import com.swn.testsupport.Unreachable;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;

/**
 * The relay against a real emulator, with the faults injected the way they happen: an entry
 * EventBridge rejects inside a 200 response, a failing {@code PutEvents} call, a crash after
 * commit.
 */
class OutboxRelayIntegrationTest {

  private static final LocalAws AWS = LocalAws.shared();
  private static final String TABLE = "product-outbox";
  private static final String QUEUE = "BasketProductEventsQueue";

  private static final EventRecorder EVENTS = new EventRecorder(AWS.sqs(), AWS.queueUrl(QUEUE));

  private final Outbox outbox = new Outbox(TABLE);

  private static PlatformProperties settings(String busName) {
    return settings(busName, TABLE, Duration.ofHours(1));
  }

  private static PlatformProperties settings(String busName, String table, Duration sweepInterval) {
    return new PlatformProperties(
        new PlatformProperties.Events(busName, "com.swn.product"),
        new PlatformProperties.Outbox(
            table, sweepInterval, Duration.ofSeconds(5), 100, Duration.ofSeconds(5)),
        new PlatformProperties.Web(DataSize.ofKilobytes(64)));
  }

  private static OutboxRelay relay(String busName, Clock clock) {
    return new OutboxRelay(AWS.dynamoDb(), AWS.eventBridge(), settings(busName), clock);
  }

  /** A relay of its own outbox table, its meters in {@code meters}. */
  private static OutboxRelay relay(
      String table,
      Duration sweepInterval,
      Clock clock,
      EventBridgeClient eventBridge,
      MeterRegistry meters) {
    return new OutboxRelay(
        AWS.dynamoDb(), eventBridge, settings("SwnEventBus", table, sweepInterval), clock, meters);
  }

  /** A fresh outbox table, so a test sees only its own entries. */
  static String newOutboxTable() {
    return TestTables.create("outbox", "id");
  }

  /** An event no rule routes anywhere, committed {@code age} ago. */
  private static OutboxEvent unrouted(Duration age) {
    return new OutboxEvent(
        UUID.randomUUID().toString(),
        "com.swn.test.outbox",
        "OutboxLoad",
        "{\"n\":1}",
        Instant.now().minus(age));
  }

  private static void write(String table, List<OutboxEvent> events) {
    for (int from = 0; from < events.size(); from += 25) {
      var requests =
          events.subList(from, Math.min(from + 25, events.size())).stream()
              .map(
                  event ->
                      WriteRequest.builder()
                          .putRequest(put -> put.item(Outbox.toItem(event)))
                          .build())
              .toList();
      var unprocessed = Map.of(table, requests);
      while (!unprocessed.isEmpty()) {
        var pending = unprocessed;
        unprocessed =
            AWS.dynamoDb()
                .batchWriteItem(request -> request.requestItems(pending))
                .unprocessedItems();
      }
    }
  }

  private static int count(String table) {
    return AWS.dynamoDb()
        .scan(r -> r.tableName(table).consistentRead(true).select(Select.COUNT))
        .count();
  }

  /**
   * An EventBridge client against the emulator that counts the entries of every PutEvents attempt
   * it sends.
   */
  private static EventBridgeClient countingEventBridge(AtomicInteger sent) {
    var counter =
        new ExecutionInterceptor() {
          @Override
          public void beforeTransmission(
              Context.BeforeTransmission context, ExecutionAttributes attributes) {
            if (context.request() instanceof PutEventsRequest request) {
              sent.addAndGet(request.entries().size());
            }
          }
        };
    return EventBridgeClient.builder()
        .endpointOverride(AWS.endpoint())
        .region(Region.of(AWS.region()))
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(AWS.accessKeyId(), AWS.secretAccessKey())))
        .overrideConfiguration(configuration -> configuration.addExecutionInterceptor(counter))
        .build();
  }

  private static OutboxEvent priceChanged(String productId, String detail) {
    return new OutboxEvent(
        UUID.randomUUID().toString(),
        "com.swn.product",
        "ProductPriceChanged",
        detail,
        Instant.now());
  }

  private static OutboxEvent priceChanged(String productId) {
    return priceChanged(
        productId,
        "{\"eventType\":\"ProductPriceChanged\",\"data\":{\"productId\":\"" + productId + "\"}}");
  }

  private void commit(OutboxEvent... events) {
    List<TransactWriteItem> items = new ArrayList<>();
    for (var event : events) {
      items.add(outbox.put(event));
    }
    AWS.dynamoDb().transactWriteItems(request -> request.transactItems(items));
  }

  private static boolean inOutbox(OutboxEvent event) {
    return AWS.dynamoDb()
        .getItem(
            r ->
                r.tableName(TABLE)
                    .key(Map.of("id", AttributeValue.fromS(event.id())))
                    .consistentRead(true))
        .hasItem();
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
    AWS.dynamoDb()
        .deleteItem(r -> r.tableName(TABLE).key(Map.of("id", AttributeValue.fromS(rejected.id()))));
  }

  @Test
  void keepsEverythingWhenThePutEventsCallFails() {
    var event = priceChanged("lost-" + UUID.randomUUID());
    commit(event);

    // EventBridge unreachable. (A bus that does not exist fails the call on moto, but LocalStack
    // accepts the
    // entry and drops it: EmulatorGap.PUT_EVENTS_TO_MISSING_BUS_ACCEPTED.)
    int published;
    try (EventBridgeClient unreachable =
        EventBridgeClient.builder()
            .endpointOverride(Unreachable.endpoint())
            .region(Region.of(AWS.region()))
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(AWS.accessKeyId(), AWS.secretAccessKey())))
            .build()) {
      published =
          new OutboxRelay(AWS.dynamoDb(), unreachable, settings("SwnEventBus"), Clock.systemUTC())
              .publish(List.of(event));
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

  @Test
  void setsAMalformedRowAsideAndKeepsSweeping() {
    var table = newOutboxTable();
    var meters = new SimpleMeterRegistry();
    var malformedId = "malformed-" + UUID.randomUUID();
    // No source, no detail: no relay can ever publish this row.
    AWS.dynamoDb()
        .putItem(
            r ->
                r.tableName(table)
                    .item(
                        Map.of(
                            "id",
                            AttributeValue.fromS(malformedId),
                            "createdAt",
                            AttributeValue.fromS("yesterday"))));
    var first = unrouted(Duration.ofMinutes(1));
    write(table, List.of(first));
    var relay = relay(table, Duration.ofMillis(200), Clock.systemUTC(), AWS.eventBridge(), meters);
    relay.start();
    try {
      await().atMost(Duration.ofSeconds(20)).until(() -> count(table) == 1);
      var second = unrouted(Duration.ofMinutes(1));
      write(table, List.of(second));
      await("the sweeper still runs after the malformed row")
          .atMost(Duration.ofSeconds(20))
          .until(() -> count(table) == 1);
    } finally {
      relay.stop();
    }
    var row =
        AWS.dynamoDb()
            .getItem(
                r ->
                    r.tableName(table)
                        .key(Map.of("id", AttributeValue.fromS(malformedId)))
                        .consistentRead(true))
            .item();
    assertThat(row)
        .as("the row is kept for an operator, marked")
        .containsKeys("quarantinedAt", "quarantineReason");
    assertThat(meters.counter("outbox.quarantines", "outbox", table).count()).isEqualTo(1);
    relay.census();
    assertThat(meters.get("outbox.quarantined").tag("outbox", table).gauge().value()).isEqualTo(1);
    assertThat(meters.get("outbox.entries").tag("outbox", table).gauge().value()).isZero();
  }

  @Test
  void gaugesShowTheBacklogAndTheAgeOfItsOldestEntry() {
    var table = newOutboxTable();
    var meters = new SimpleMeterRegistry();
    var stuck =
        List.of(
            unrouted(Duration.ofMinutes(10)),
            unrouted(Duration.ofMinutes(3)),
            unrouted(Duration.ofSeconds(1)));
    write(table, stuck);
    var relay = relay(table, Duration.ofHours(1), Clock.systemUTC(), AWS.eventBridge(), meters);

    relay.census();

    assertThat(meters.get("outbox.entries").tag("outbox", table).gauge().value()).isEqualTo(3);
    assertThat(meters.get("outbox.oldest.age").tag("outbox", table).gauge().value())
        .isBetween(600.0, 900.0);

    assertThat(relay.publish(stuck)).isEqualTo(3);
    relay.census();
    assertThat(meters.get("outbox.entries").tag("outbox", table).gauge().value()).isZero();
    assertThat(meters.get("outbox.oldest.age").tag("outbox", table).gauge().value()).isZero();
  }

  /**
   * Two instances drain one backlog of 2,000 entries at the same time. Every entry must be sent to
   * EventBridge once: in this run no lease can expire (30 s, while a claimed batch is published in
   * well under a second), no publish fails and no delete fails, so no duplicate has a cause.
   */
  @Test
  void twoRelaysShareABacklogAndSendEachEntryOnce() throws Exception {
    var table = newOutboxTable();
    int entries = 2_000;
    var backlog = new ArrayList<OutboxEvent>();
    for (int i = 0; i < entries; i++) {
      backlog.add(unrouted(Duration.ofMinutes(1)));
    }
    write(table, backlog);
    var sentByA = new AtomicInteger();
    var sentByB = new AtomicInteger();
    var relays =
        List.of(
            relay(
                table,
                Duration.ofHours(1),
                Clock.systemUTC(),
                countingEventBridge(sentByA),
                new SimpleMeterRegistry()),
            relay(
                table,
                Duration.ofHours(1),
                Clock.systemUTC(),
                countingEventBridge(sentByB),
                new SimpleMeterRegistry()));
    var deadline = Instant.now().plus(Duration.ofMinutes(3));
    try (var instances = Executors.newFixedThreadPool(2)) {
      var start = new CountDownLatch(1);
      var done = new ArrayList<Future<Integer>>();
      for (var relay : relays) {
        done.add(
            instances.submit(
                () -> {
                  start.await();
                  int published = 0;
                  while (count(table) > 0 && Instant.now().isBefore(deadline)) {
                    published += relay.sweep();
                  }
                  return published;
                }));
      }
      start.countDown();
      int publishedByA = done.get(0).get();
      int publishedByB = done.get(1).get();
      int sent = sentByA.get() + sentByB.get();
      System.out.printf(
          "Outbox backlog of %d entries, two relays: %d PutEvents entries sent (relay A %d, relay B %d); published A %d, B %d%n",
          entries, sent, sentByA.get(), sentByB.get(), publishedByA, publishedByB);

      assertThat(count(table)).as("the backlog is drained").isZero();
      assertThat(sent)
          .as("PutEvents entries sent for %d outbox entries", entries)
          .isEqualTo(entries);
      assertThat(publishedByA + publishedByB).isEqualTo(entries);
      assertThat(publishedByA).as("relay A took part").isPositive();
      assertThat(publishedByB).as("relay B took part").isPositive();
    }
  }
}
