package com.swn.platform.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * One {@code TransactWriteItems}: the state change's items, then the events in the outbox. All of
 * it is written or none; after the commit the events go to the relay. A cancelled transaction
 * becomes a domain error: the first item, in the order written, whose condition failed answers with
 * its own error; a transaction that only collided with another one answers with the commit's; any
 * other cancellation is rethrown as it came.
 */
public final class OutboxTransaction {

  private static final String CONDITION_FAILED = "ConditionalCheckFailed";
  private static final String CONFLICT = "TransactionConflict";

  private final DynamoDbClient dynamoDb;
  private final Outbox outbox;
  private final OutboxRelay relay;
  private final List<TransactWriteItem> items = new ArrayList<>();
  private final List<@Nullable Supplier<? extends RuntimeException>> whenConditionFails =
      new ArrayList<>();
  private final List<OutboxEvent> events = new ArrayList<>();

  OutboxTransaction(DynamoDbClient dynamoDb, Outbox outbox, OutboxRelay relay) {
    this.dynamoDb = dynamoDb;
    this.outbox = outbox;
    this.relay = relay;
  }

  /** An item whose condition, if it fails, is the given error. */
  public OutboxTransaction write(
      TransactWriteItem item, Supplier<? extends RuntimeException> whenConditionFails) {
    items.add(item);
    this.whenConditionFails.add(whenConditionFails);
    return this;
  }

  /** An item without a condition, or one whose failure is not a domain error. */
  public OutboxTransaction write(TransactWriteItem item) {
    items.add(item);
    whenConditionFails.add(null);
    return this;
  }

  /** An event, put in the outbox in this transaction and published after it. */
  public OutboxTransaction publish(OutboxEvent event) {
    events.add(event);
    return this;
  }

  public OutboxTransaction publish(List<OutboxEvent> events) {
    events.forEach(this::publish);
    return this;
  }

  /** Commits, with no domain error for a transaction that collided with another one. */
  public void commit() {
    commit(null);
  }

  /**
   * Commits and hands the events to the relay.
   *
   * @param whenConflicting the error when the transaction collided with a concurrent one
   */
  public void commit(@Nullable Supplier<? extends RuntimeException> whenConflicting) {
    var all = new ArrayList<>(items);
    events.forEach(event -> all.add(outbox.put(event)));
    try {
      dynamoDb.transactWriteItems(request -> request.transactItems(all));
    } catch (TransactionCanceledException e) {
      throw domainError(e, whenConflicting);
    }
    relay.publishAfterCommit(List.copyOf(events));
  }

  private RuntimeException domainError(
      TransactionCanceledException e,
      @Nullable Supplier<? extends RuntimeException> whenConflicting) {
    List<CancellationReason> reasons =
        e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
    for (int i = 0; i < Math.min(reasons.size(), whenConditionFails.size()); i++) {
      var error = whenConditionFails.get(i);
      if (error != null && CONDITION_FAILED.equals(reasons.get(i).code())) {
        return error.get();
      }
    }
    if (whenConflicting != null && reasons.stream().anyMatch(r -> CONFLICT.equals(r.code()))) {
      return whenConflicting.get();
    }
    return e;
  }
}
