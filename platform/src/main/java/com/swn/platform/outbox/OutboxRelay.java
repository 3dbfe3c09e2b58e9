package com.swn.platform.outbox;

import com.swn.platform.PlatformProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Publishes outbox events to EventBridge and deletes each one only after EventBridge accepted that
 * very entry. {@code PutEvents} answers 200 even when some entries failed, so every result entry is
 * checked; a failed entry stays in the outbox and a later sweep retries it.
 *
 * <p>Two paths share this code: right after a commit the service hands its events over for an
 * immediate publish (low latency), and a periodic sweep publishes whatever is older than {@code
 * sweepMinAge} (the events of a crashed instance, or of a failed publish). Delivery is therefore at
 * least once; consumers deduplicate on the event id.
 *
 * <p>Several instances share one outbox: the sweep claims each entry with a conditional write of a
 * lease ({@code leaseUntil}) before it publishes it, and skips entries another instance holds, so a
 * backlog is split between the instances instead of being published by each. A lease that outlives
 * its holder (a crash) simply expires. An entry that cannot even be read as an event is set aside
 * ({@code quarantinedAt}, logged at ERROR with its key, counted as {@code outbox.quarantined}) and
 * the sweep goes on; nothing a row contains stops the sweeper.
 *
 * <p>Gauges, tagged {@code outbox=<table>}: {@code outbox.entries} (entries waiting to be
 * published), {@code outbox.oldest.age} (seconds since the oldest of them was committed) and {@code
 * outbox.quarantined} (entries set aside), from a census of the table every {@link
 * #CENSUS_INTERVAL}.
 */
public class OutboxRelay implements SmartLifecycle {

  /** EventBridge takes at most ten entries per {@code PutEvents} call. */
  static final int MAX_ENTRIES_PER_CALL = 10;

  /**
   * How long a claimed entry belongs to one instance: far longer than publishing one sweep batch
   * (each call bounded by the SDK's timeouts), so in the normal case no entry is published twice.
   */
  static final Duration LEASE = Duration.ofSeconds(30);

  /** How often the gauges are refreshed: a consistent scan of the (normally empty) outbox. */
  static final Duration CENSUS_INTERVAL = Duration.ofSeconds(30);

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  private final DynamoDbClient dynamoDb;
  private final EventBridgeClient eventBridge;
  private final PlatformProperties.Outbox settings;
  private final String table;
  private final String busName;
  private final Clock clock;
  private final ExecutorService publishers = Executors.newVirtualThreadPerTaskExecutor();
  private final Counter quarantines;
  private volatile Census census = Census.EMPTY;
  private @Nullable ScheduledExecutorService sweeper;

  /** What the last census found. */
  private record Census(long pending, long quarantined, @Nullable Instant oldest, Instant takenAt) {
    static final Census EMPTY = new Census(0, 0, null, Instant.EPOCH);
  }

  public OutboxRelay(
      DynamoDbClient dynamoDb,
      EventBridgeClient eventBridge,
      PlatformProperties properties,
      Clock clock,
      MeterRegistry meters) {
    this.dynamoDb = dynamoDb;
    this.eventBridge = eventBridge;
    this.settings = properties.outbox();
    this.table = Objects.requireNonNull(settings.table(), "platform.outbox.table");
    this.busName = properties.events().busName();
    this.clock = clock;
    var tags = Tags.of("outbox", table);
    this.quarantines =
        Counter.builder("outbox.quarantines")
            .description("Outbox entries this instance set aside because they cannot be published")
            .tags(tags)
            .register(meters);
    Gauge.builder("outbox.entries", this, relay -> relay.census.pending())
        .description("Outbox entries waiting to be published")
        .tags(tags)
        .register(meters);
    Gauge.builder("outbox.oldest.age", this, OutboxRelay::oldestAgeSeconds)
        .description("Seconds since the oldest waiting outbox entry was committed (0 if none)")
        .baseUnit("seconds")
        .tags(tags)
        .register(meters);
    Gauge.builder("outbox.quarantined", this, relay -> relay.census.quarantined())
        .description("Outbox entries set aside for an operator")
        .tags(tags)
        .register(meters);
  }

  /** A relay whose meters go to Micrometer's global registry (for code without a registry bean). */
  public OutboxRelay(
      DynamoDbClient dynamoDb,
      EventBridgeClient eventBridge,
      PlatformProperties properties,
      Clock clock) {
    this(dynamoDb, eventBridge, properties, clock, Metrics.globalRegistry);
  }

  /** Publishes committed events in the background so the HTTP response does not wait for it. */
  public void publishAfterCommit(List<OutboxEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    try {
      publishers.execute(() -> publish(events));
    } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
      log.info("Shutting down: {} event(s) left for the next sweep", events.size());
    }
  }

  /** Publishes the events and removes the accepted ones from the outbox; returns how many. */
  public int publish(List<OutboxEvent> events) {
    return publish(events, event -> {});
  }

  private int publish(List<OutboxEvent> events, Consumer<OutboxEvent> onFailure) {
    int published = 0;
    for (int from = 0; from < events.size(); from += MAX_ENTRIES_PER_CALL) {
      var chunk = events.subList(from, Math.min(from + MAX_ENTRIES_PER_CALL, events.size()));
      published += publishChunk(chunk, onFailure);
    }
    return published;
  }

  /**
   * One sweep: claims and publishes events the fast path has not published in time. It never
   * throws: whatever goes wrong is logged and the next sweep starts afresh.
   */
  public int sweep() {
    try {
      var claimed = findStale().stream().filter(this::claim).toList();
      return publish(claimed, this::release);
    } catch (SdkException e) {
      log.warn("Outbox sweep failed, will retry: {}", e.toString());
      return 0;
    } catch (RuntimeException e) {
      log.error("Outbox sweep failed unexpectedly, will retry", e);
      return 0;
    }
  }

  /** Counts the outbox for the gauges; never throws (the gauges keep their last values). */
  public void census() {
    try {
      var tally = new Tally();
      scan(
          ScanRequest.builder()
              .projectionExpression("#createdAt, #quarantinedAt")
              .expressionAttributeNames(
                  Map.of("#createdAt", Outbox.CREATED_AT, "#quarantinedAt", Outbox.QUARANTINED_AT)),
          tally::add,
          () -> false);
      census = new Census(tally.pending, tally.quarantined, tally.oldest, clock.instant());
    } catch (RuntimeException e) {
      log.warn("Outbox census failed, gauges keep their last values: {}", e.toString());
    }
  }

  /** The census as it goes through the table. */
  private static final class Tally {
    long pending;
    long quarantined;
    @Nullable Instant oldest;

    void add(Map<String, AttributeValue> item) {
      if (item.containsKey(Outbox.QUARANTINED_AT)) {
        quarantined++;
        return;
      }
      pending++;
      var createdAt = createdAt(item);
      if (createdAt != null && (oldest == null || createdAt.isBefore(oldest))) {
        oldest = createdAt;
      }
    }
  }

  /** A consistent scan of the outbox, page by page, until its end or until {@code enough}. */
  private void scan(
      ScanRequest.Builder request,
      Consumer<Map<String, AttributeValue>> each,
      BooleanSupplier enough) {
    Map<String, AttributeValue> startKey = null;
    do {
      var page =
          dynamoDb.scan(
              request.tableName(table).consistentRead(true).exclusiveStartKey(startKey).build());
      page.items().forEach(each);
      startKey =
          page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
              ? page.lastEvaluatedKey()
              : null;
    } while (startKey != null && !enough.getAsBoolean());
  }

  private double oldestAgeSeconds() {
    var oldest = census.oldest();
    return oldest == null
        ? 0
        : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
  }

  private static @Nullable Instant createdAt(Map<String, AttributeValue> item) {
    try {
      return Instant.ofEpochMilli(Long.parseLong(item.get(Outbox.CREATED_AT).n()));
    } catch (RuntimeException malformed) {
      return null; // the sweep quarantines such an entry
    }
  }

  private int publishChunk(List<OutboxEvent> chunk, Consumer<OutboxEvent> onFailure) {
    List<PutEventsResultEntry> results;
    try {
      results =
          eventBridge
              .putEvents(request -> request.entries(chunk.stream().map(this::toEntry).toList()))
              .entries();
    } catch (SdkException e) {
      log.warn(
          "PutEvents failed for {} event(s), left in the outbox: {}", chunk.size(), e.toString());
      chunk.forEach(onFailure);
      return 0;
    }
    int published = 0;
    for (int i = 0; i < chunk.size(); i++) {
      var event = chunk.get(i);
      var result = i < results.size() ? results.get(i) : null;
      if (result == null || result.errorCode() != null) {
        log.atWarn()
            .addKeyValue("eventId", event.id())
            .addKeyValue("errorCode", result == null ? "missing" : result.errorCode())
            .log("EventBridge rejected an outbox event; it stays for the next sweep");
        onFailure.accept(event);
        continue;
      }
      delete(event);
      published++;
    }
    return published;
  }

  private PutEventsRequestEntry toEntry(OutboxEvent event) {
    return PutEventsRequestEntry.builder()
        .eventBusName(busName)
        .source(event.source())
        .detailType(event.detailType())
        .detail(event.detail())
        .time(event.createdAt())
        .build();
  }

  private void delete(OutboxEvent event) {
    try {
      dynamoDb.deleteItem(request -> request.tableName(table).key(key(event.id())));
    } catch (SdkException e) {
      // The event is out; the next sweep will publish it again and consumers drop the duplicate.
      log.warn(
          "Published event {} could not be removed from the outbox: {}", event.id(), e.toString());
    }
  }

  /** Takes the entry for this instance unless another one holds an unexpired lease on it. */
  private boolean claim(OutboxEvent event) {
    var now = clock.instant();
    try {
      update(
          AttributeValue.fromS(event.id()),
          "SET #leaseUntil = :until",
          " AND attribute_not_exists(#quarantinedAt) AND (attribute_not_exists(#leaseUntil) OR #leaseUntil < :now)",
          Map.of("#leaseUntil", Outbox.LEASE_UNTIL, "#quarantinedAt", Outbox.QUARANTINED_AT),
          Map.of(":until", epochMillis(now.plus(LEASE)), ":now", epochMillis(now)));
      return true;
    } catch (ConditionalCheckFailedException takenOrGone) {
      return false;
    }
  }

  /** Gives a claimed entry back after a failed publish, so the next sweep retries it at once. */
  private void release(OutboxEvent event) {
    try {
      update(
          AttributeValue.fromS(event.id()),
          "REMOVE #leaseUntil",
          "",
          Map.of("#leaseUntil", Outbox.LEASE_UNTIL),
          Map.of());
    } catch (SdkException e) {
      // The lease expires on its own; the entry is retried then.
      log.debug("Lease on outbox event {} not released: {}", event.id(), e.toString());
    }
  }

  /**
   * Sets an entry aside that no retry can publish, where an operator finds it; the sweep goes on.
   */
  private void quarantine(Map<String, AttributeValue> item, RuntimeException cause) {
    var id = item.get(Outbox.ID);
    var reason = cause.getClass().getSimpleName() + ": " + cause.getMessage();
    log.atError()
        .addKeyValue("outbox", table)
        .addKeyValue("outboxKey", String.valueOf(id == null ? null : id.s()))
        .addKeyValue("reason", reason)
        .log("Outbox entry cannot be published; quarantined for an operator (see docs/outbox.md)");
    quarantines.increment();
    if (id == null) {
      return;
    }
    try {
      update(
          id,
          "SET #quarantinedAt = :now, #reason = :reason REMOVE #leaseUntil",
          "",
          Map.of(
              "#quarantinedAt",
              Outbox.QUARANTINED_AT,
              "#reason",
              Outbox.QUARANTINE_REASON,
              "#leaseUntil",
              Outbox.LEASE_UNTIL),
          Map.of(":now", epochMillis(clock.instant()), ":reason", AttributeValue.fromS(reason)));
    } catch (SdkException e) {
      log.warn(
          "Outbox entry {} could not be quarantined, will try again: {}", id.s(), e.toString());
    }
  }

  /** Entries old enough for the sweep, neither set aside nor held by another instance. */
  private List<OutboxEvent> findStale() {
    var now = clock.instant();
    var stale = new ArrayList<OutboxEvent>();
    scan(
        ScanRequest.builder()
            .filterExpression(
                // A row without a numeric createdAt is malformed: taken too, so that it is
                // quarantined.
                "((attribute_type(#createdAt, :number) AND #createdAt < :cutoff)"
                    + " OR NOT attribute_type(#createdAt, :number))"
                    + " AND attribute_not_exists(#quarantinedAt)"
                    + " AND (attribute_not_exists(#leaseUntil) OR #leaseUntil < :now)")
            .expressionAttributeNames(
                Map.of(
                    "#createdAt", Outbox.CREATED_AT,
                    "#quarantinedAt", Outbox.QUARANTINED_AT,
                    "#leaseUntil", Outbox.LEASE_UNTIL))
            .expressionAttributeValues(
                Map.of(
                    ":cutoff", epochMillis(now.minus(settings.sweepMinAge())),
                    ":now", epochMillis(now),
                    ":number", AttributeValue.fromS("N")))
            .limit(settings.sweepBatchSize()),
        item -> {
          try {
            stale.add(Outbox.fromItem(item));
          } catch (RuntimeException malformed) {
            quarantine(item, malformed);
          }
        },
        () -> stale.size() >= settings.sweepBatchSize());
    return stale;
  }

  /** An update of an entry that still exists ({@code condition} adds to that). */
  private void update(
      AttributeValue id,
      String update,
      String condition,
      Map<String, String> names,
      Map<String, AttributeValue> values) {
    var allNames = new HashMap<>(names);
    allNames.put("#id", Outbox.ID);
    dynamoDb.updateItem(
        request ->
            request
                .tableName(table)
                .key(Map.of(Outbox.ID, id))
                .updateExpression(update)
                .conditionExpression("attribute_exists(#id)" + condition)
                .expressionAttributeNames(allNames)
                .expressionAttributeValues(values.isEmpty() ? null : values));
  }

  private static Map<String, AttributeValue> key(String id) {
    return Map.of(Outbox.ID, AttributeValue.fromS(id));
  }

  private static AttributeValue epochMillis(Instant instant) {
    return AttributeValue.fromN(Long.toString(instant.toEpochMilli()));
  }

  @Override
  public synchronized void start() {
    var executor =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("outbox-sweeper").daemon().factory());
    long interval = settings.sweepInterval().toMillis();
    // sweep() and census() never throw: a task that threw would never be scheduled again.
    executor.scheduleWithFixedDelay(this::sweep, interval, interval, TimeUnit.MILLISECONDS);
    executor.scheduleWithFixedDelay(
        this::census, 0, CENSUS_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    sweeper = executor;
  }

  /** Stops sweeping, then lets in-flight publishes finish so a graceful shutdown loses none. */
  @Override
  public synchronized void stop() {
    if (sweeper != null) {
      sweeper.shutdown();
      sweeper = null;
    }
    publishers.shutdown();
    try {
      if (!publishers.awaitTermination(
          settings.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn(
            "Outbox publishes still running at shutdown; the next start's sweep will retry them");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return sweeper != null;
  }

  /** Stop after the web server has drained its requests, whose commits may still hand us events. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 4096;
  }
}
