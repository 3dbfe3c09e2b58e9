package com.swn.ordering.order.messaging;

/**
 * A message no retry can make valid. The listener catches it and moves the message to the
 * dead-letter queue at once ({@link PoisonMessages}) instead of spending the retries meant for
 * transient failures on it. The message says what is wrong and where, never a value from the
 * message: those may be personal data.
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
