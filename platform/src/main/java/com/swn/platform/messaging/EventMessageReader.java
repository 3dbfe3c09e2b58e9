package com.swn.platform.messaging;

import com.swn.contracts.EventContracts;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the body of an SQS message an EventBridge rule delivered (the EventBridge event, whose
 * {@code detail} is our envelope) into a {@link ReceivedEvent}, or rejects it with an {@link
 * InvalidEventMessageException}. Every listener of an EventBridge queue reads through this, so all
 * of them apply the same checks in the same order:
 *
 * <ol>
 *   <li>the body is JSON and has a {@code detail};
 *   <li>the envelope names a type and version this listener takes ({@code accepted});
 *   <li>the detail conforms to the published schema of exactly that type and version, so an event
 *       cannot pass by conforming to another schema;
 *   <li>EventBridge's {@code detail-type}, which the rules filter on, is the envelope's type.
 * </ol>
 */
public final class EventMessageReader {

  private final Map<String, Integer> accepted;

  /** Exact decimals for prices; fields a schema lets the envelope grow are ignored. */
  private final ObjectReader reader;

  /**
   * @param accepted the event types this listener takes, each with the one schema version it reads
   */
  public EventMessageReader(JsonMapper jsonMapper, Map<String, Integer> accepted) {
    this.accepted = Map.copyOf(accepted);
    this.reader =
        jsonMapper
            .reader()
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  public ReceivedEvent read(String body) {
    var message = parse(body);
    var detail = message.path("detail");
    var eventId = eventId(detail);
    if (!detail.isObject()) {
      throw new InvalidEventMessageException(
          InvalidEventMessageException.UNKNOWN, "the message has no detail");
    }
    var eventType = detail.path("eventType").asString("");
    Integer version = accepted.get(eventType);
    if (version == null) {
      throw new InvalidEventMessageException(
          idOrUnknown(eventId), "not an event this listener takes: " + accepted.keySet());
    }
    var violations = EventContracts.violations(eventType, version, detail);
    if (!violations.isEmpty()) {
      // The validator names the place and the rule broken, never the offending value (tested).
      throw new InvalidEventMessageException(
          idOrUnknown(eventId),
          "not a valid " + eventType + " v" + version + " event: " + String.join("; ", violations));
    }
    var detailType = message.path("detail-type").asString("");
    if (!detailType.equals(eventType)) {
      throw new InvalidEventMessageException(
          idOrUnknown(eventId), "its detail-type is not its envelope's eventType " + eventType);
    }
    if (eventId == null) {
      // Consumers deduplicate on it: an event without a usable one cannot be processed once only.
      throw new InvalidEventMessageException(
          InvalidEventMessageException.UNKNOWN, "its eventId is not a UUID");
    }
    var traceparent = detail.path("traceparent");
    return new ReceivedEvent(
        eventId,
        eventType,
        version,
        detail.path("correlationId").asString(),
        traceparent.isString() ? traceparent.asString() : null,
        detail.path("data"),
        reader);
  }

  /** Only a well-formed id is worth logging; anything else in its place may be anything. */
  private static @Nullable UUID eventId(JsonNode detail) {
    try {
      return UUID.fromString(detail.path("eventId").asString(""));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String idOrUnknown(@Nullable UUID eventId) {
    return eventId == null ? InvalidEventMessageException.UNKNOWN : eventId.toString();
  }

  private JsonNode parse(String body) {
    try {
      return reader.readTree(body);
    } catch (JacksonException e) {
      throw new InvalidEventMessageException(
          InvalidEventMessageException.UNKNOWN, "the message body is not JSON");
    }
  }
}
