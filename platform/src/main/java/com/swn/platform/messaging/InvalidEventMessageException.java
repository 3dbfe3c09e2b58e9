package com.swn.platform.messaging;

/**
 * A message that can never be processed: not JSON, not an EventBridge event, an event that breaks
 * its published contract or that this listener does not take. The message says what is wrong and
 * where, never a value from the message (those may be personal data).
 */
public class InvalidEventMessageException extends RuntimeException {

  static final String UNKNOWN = "unknown";

  private final String eventId;

  public InvalidEventMessageException(String eventId, String reason) {
    super("Rejected event " + eventId + ": " + reason);
    this.eventId = eventId;
  }

  /** The envelope's event id if it had a well-formed one, {@value #UNKNOWN} otherwise. */
  public String eventId() {
    return eventId;
  }
}
