package com.swn.platform.outbox;

import com.swn.platform.PlatformProperties;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Publishes outbox events to EventBridge and deletes each one only after EventBridge accepted that
 * very entry. {@code PutEvents} answers 200 even when some entries failed, so every result entry is
 * checked; a failed entry stays in the outbox and the next sweep retries it.
 *
 * <p>Two paths share this code: right after a commit the service hands its events over for an
 * immediate publish (low latency), and a periodic sweep publishes whatever is older than {@code
 * sweepMinAge} (the events of a crashed instance, or of a failed publish). Delivery is therefore at
 * least once; consumers deduplicate on the event id.
 */
public class OutboxRelay implements SmartLifecycle {

  /** EventBridge takes at most ten entries per {@code PutEvents} call. */
  static final int MAX_ENTRIES_PER_CALL = 10;

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  private final DynamoDbClient dynamoDb;
  private final EventBridgeClient eventBridge;
  private final PlatformProperties.Outbox settings;
  private final String busName;
  private final Clock clock;
  private final ExecutorService publishers = Executors.newVirtualThreadPerTaskExecutor();
  private @Nullable ScheduledExecutorService sweeper;

  public OutboxRelay(
      DynamoDbClient dynamoDb,
      EventBridgeClient eventBridge,
      PlatformProperties properties,
      Clock clock) {
    this.dynamoDb = dynamoDb;
    this.eventBridge = eventBridge;
    this.settings = properties.outbox();
    this.busName = properties.events().busName();
    this.clock = clock;
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
    int published = 0;
    for (int from = 0; from < events.size(); from += MAX_ENTRIES_PER_CALL) {
      var chunk = events.subList(from, Math.min(from + MAX_ENTRIES_PER_CALL, events.size()));
      published += publishChunk(chunk);
    }
    return published;
  }

  /** One sweep: publishes events the fast path has not published in time. */
  public int sweep() {
    try {
      return publish(findStale());
    } catch (SdkException e) {
      log.warn("Outbox sweep failed, will retry: {}", e.getClass().getSimpleName());
      return 0;
    }
  }

  private int publishChunk(List<OutboxEvent> chunk) {
    List<PutEventsResultEntry> results;
    try {
      results =
          eventBridge
              .putEvents(request -> request.entries(chunk.stream().map(this::toEntry).toList()))
              .entries();
    } catch (SdkException e) {
      log.warn("PutEvents failed for {} event(s), left in the outbox: {}", chunk.size(), e.toString());
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
      dynamoDb.deleteItem(
          request ->
              request
                  .tableName(settings.table())
                  .key(Map.of(Outbox.ID, AttributeValue.fromS(event.id()))));
    } catch (SdkException e) {
      // The event is out; the next sweep will publish it again and consumers drop the duplicate.
      log.warn("Published event {} could not be removed from the outbox: {}", event.id(), e.toString());
    }
  }

  private List<OutboxEvent> findStale() {
    var cutoff = clock.instant().minus(settings.sweepMinAge()).toEpochMilli();
    var stale = new ArrayList<OutboxEvent>();
    Map<String, AttributeValue> startKey = null;
    do {
      var request =
          ScanRequest.builder()
              .tableName(settings.table())
              .consistentRead(true)
              .filterExpression("#createdAt < :cutoff")
              .expressionAttributeNames(Map.of("#createdAt", Outbox.CREATED_AT))
              .expressionAttributeValues(Map.of(":cutoff", AttributeValue.fromN(Long.toString(cutoff))))
              .limit(settings.sweepBatchSize())
              .exclusiveStartKey(startKey)
              .build();
      var page = dynamoDb.scan(request);
      page.items().forEach(item -> stale.add(Outbox.fromItem(item)));
      startKey = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
    } while (startKey != null && stale.size() < settings.sweepBatchSize());
    return stale;
  }

  @Override
  public synchronized void start() {
    var executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("outbox-sweeper").daemon().factory());
    long interval = settings.sweepInterval().toMillis();
    executor.scheduleWithFixedDelay(this::sweep, interval, interval, TimeUnit.MILLISECONDS);
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
      if (!publishers.awaitTermination(settings.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("Outbox publishes still running at shutdown; the next start's sweep will retry them");
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
