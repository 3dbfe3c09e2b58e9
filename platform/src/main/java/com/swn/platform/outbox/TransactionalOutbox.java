package com.swn.platform.outbox;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Where a service's state changes and their events are written together: {@link #begin()} opens one
 * {@link OutboxTransaction}, the one place that writes, reads the cancellation reasons and hands
 * the events to the relay.
 */
public class TransactionalOutbox {

  private final DynamoDbClient dynamoDb;
  private final Outbox outbox;
  private final OutboxRelay relay;

  public TransactionalOutbox(DynamoDbClient dynamoDb, Outbox outbox, OutboxRelay relay) {
    this.dynamoDb = dynamoDb;
    this.outbox = outbox;
    this.relay = relay;
  }

  public OutboxTransaction begin() {
    return new OutboxTransaction(dynamoDb, outbox, relay);
  }
}
