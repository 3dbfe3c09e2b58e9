package com.swn.ordering.order.messaging;

/**
 * A message no retry can make valid. It is thrown like any failure, so the queue's redrive policy
 * moves it to the dead-letter queue once its receives are used up. The message says what is wrong
 * and where, never a value from the message: those may be personal data.
 */
class PoisonMessageException extends RuntimeException {

  private final String eventId;

  PoisonMessageException(String eventId, String reason) {
    super("Rejected event " + eventId + ": " + reason);
    this.eventId = eventId;
  }

  String eventId() {
    return eventId;
  }
}
