package com.swn.platform.messaging;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

/**
 * An event read off a queue, its envelope checked against the published contract of its type and
 * version. {@link #data(Class)} reads the payload into the listener's own record.
 *
 * @param traceparent the trace context of the request that caused the event, if it had one
 */
public record ReceivedEvent(
    UUID eventId,
    String eventType,
    int schemaVersion,
    String correlationId,
    @Nullable String traceparent,
    JsonNode data,
    ObjectReader reader) {

  /**
   * The payload as {@code type}; it conforms to its schema, so only a listener's own rules fail.
   */
  public <T> T data(Class<T> type) {
    try {
      return reader.forType(type).readValue(data);
    } catch (JacksonException e) {
      throw new InvalidEventMessageException(
          eventId.toString(), "cannot be read as " + eventType + " v" + schemaVersion);
    }
  }
}
