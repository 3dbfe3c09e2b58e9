package com.swn.platform.dynamodb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Item reads of several repositories answered by one {@code BatchGetItem}: each repository adds its
 * key and reads its answer from the handle once the batch ran, so a use case that needs a basket
 * and a price pays one round trip (and one pass through the SDK's pipeline, a third of a basket
 * add's CPU, docs/performance.md) instead of two. Keys that DynamoDB leaves unprocessed
 * (throttling) are asked again a few times with a short back-off, which the low-level client does
 * not do by itself; if some are still left, the read fails as an unreachable dependency does (503),
 * never as "absent".
 */
public final class BatchRead {

  private static final int MAX_ATTEMPTS = 4;
  private static final long FIRST_BACKOFF_MS = 10;

  private final DynamoDbClient dynamoDb;
  private final Map<String, Table> tables = new LinkedHashMap<>();
  private boolean executed;

  public BatchRead(DynamoDbClient dynamoDb) {
    this.dynamoDb = dynamoDb;
  }

  /** One requested item; {@link #item()} answers after {@link BatchRead#execute()}. */
  public final class Item {
    private final Map<String, AttributeValue> key;
    private @Nullable Map<String, AttributeValue> found;

    private Item(Map<String, AttributeValue> key) {
      this.key = key;
    }

    /** The item, or empty if the table has none under the key. */
    public Optional<Map<String, AttributeValue>> item() {
      if (!executed) {
        throw new IllegalStateException("The batch has not been read yet");
      }
      return Optional.ofNullable(found);
    }
  }

  private static final class Table {
    final List<Item> items = new ArrayList<>();
    boolean consistent;
  }

  /**
   * Adds an item to read. Strongly consistent for the whole table if any of its items asks for it.
   */
  public Item get(String table, Map<String, AttributeValue> key, boolean consistentRead) {
    if (executed) {
      throw new IllegalStateException("The batch has been read already");
    }
    var entry = tables.computeIfAbsent(table, name -> new Table());
    entry.consistent |= consistentRead;
    var item = new Item(Map.copyOf(key));
    entry.items.add(item);
    return item;
  }

  /** Reads every item added (at most 100, DynamoDB's limit for one batch). */
  public void execute() {
    if (tables.size() == 1 && tables.values().iterator().next().items.size() == 1) {
      readOne();
      executed = true;
      return;
    }
    var pending = new LinkedHashMap<String, KeysAndAttributes>();
    tables.forEach(
        (name, table) ->
            pending.put(
                name,
                KeysAndAttributes.builder()
                    .keys(table.items.stream().map(item -> item.key).distinct().toList())
                    .consistentRead(table.consistent)
                    .build()));
    for (int attempt = 1; !pending.isEmpty(); attempt++) {
      if (attempt > MAX_ATTEMPTS) {
        throw SdkClientException.create(
            "DynamoDB left keys of "
                + pending.keySet()
                + " unprocessed after "
                + MAX_ATTEMPTS
                + " tries");
      }
      if (attempt > 1) {
        backOff(attempt);
      }
      var request = Map.copyOf(pending);
      var response = dynamoDb.batchGetItem(r -> r.requestItems(request));
      response.responses().forEach(this::match);
      pending.clear();
      pending.putAll(response.unprocessedKeys());
    }
    executed = true;
  }

  /** One item is a plain GetItem: no batch to build, no unprocessed keys to handle. */
  private void readOne() {
    var entry = tables.entrySet().iterator().next();
    var item = entry.getValue().items.getFirst();
    var response =
        dynamoDb.getItem(
            r ->
                r.tableName(entry.getKey())
                    .key(item.key)
                    .consistentRead(entry.getValue().consistent));
    item.found = response.hasItem() && !response.item().isEmpty() ? response.item() : null;
  }

  private void match(String table, List<Map<String, AttributeValue>> found) {
    var items = tables.get(table);
    if (items == null || items.items.isEmpty()) {
      return;
    }
    var keyNames = items.items.getFirst().key.keySet();
    for (var item : found) {
      var key = new HashMap<String, AttributeValue>();
      keyNames.forEach(name -> key.put(name, item.get(name)));
      items.items.stream()
          .filter(requested -> requested.key.equals(key))
          .forEach(requested -> requested.found = item);
    }
  }

  private static void backOff(int attempt) {
    try {
      Thread.sleep(FIRST_BACKOFF_MS << (attempt - 2));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw SdkClientException.create("Interrupted while reading a batch", e);
    }
  }
}
