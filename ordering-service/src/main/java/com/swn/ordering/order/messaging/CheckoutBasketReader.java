package com.swn.ordering.order.messaging;

import com.swn.contracts.EventContracts;
import com.swn.ordering.order.PlaceOrder;
import com.swn.platform.events.EventEnvelope;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an SQS message body (an EventBridge event whose {@code detail} is our envelope) into a
 * {@link PlaceOrder} command, or rejects it as poison. The detail must conform to the published
 * CheckoutBasket v1 schema: checked against that schema by name, so an event of another type or
 * version cannot pass by conforming to its own schema.
 */
final class CheckoutBasketReader {

  static final String EVENT_TYPE = "CheckoutBasket";
  static final int SCHEMA_VERSION = 1;
  private static final String UNKNOWN = "unknown";
  private static final TypeReference<EventEnvelope<CheckoutBasket>> ENVELOPE =
      new TypeReference<>() {};

  /** Exact decimals for prices; fields the schema lets the envelope grow are ignored. */
  private final ObjectReader reader;

  CheckoutBasketReader(JsonMapper jsonMapper) {
    this.reader =
        jsonMapper
            .reader()
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  /** A checkout ready to place, with the correlation id its producer gave it. */
  record Checkout(String correlationId, PlaceOrder command) {}

  Checkout read(String body) {
    var detail = parse(body).path("detail");
    var eventId = eventId(detail);
    var violations = EventContracts.violations(EVENT_TYPE, SCHEMA_VERSION, detail);
    if (!violations.isEmpty()) {
      // The validator names the place and the rule broken, never the offending value (tested).
      throw new PoisonMessageException(
          eventId,
          "not a valid "
              + EVENT_TYPE
              + " v"
              + SCHEMA_VERSION
              + " event: "
              + String.join("; ", violations));
    }
    try {
      EventEnvelope<CheckoutBasket> envelope = reader.forType(ENVELOPE).readValue(detail);
      return new Checkout(envelope.correlationId(), envelope.data().toCommand(envelope.eventId()));
    } catch (JacksonException e) {
      throw new PoisonMessageException(
          eventId, "cannot be read as " + EVENT_TYPE + " v" + SCHEMA_VERSION);
    } catch (IllegalArgumentException e) {
      // Conforms to the schema but not to the order's own rules; those messages quote no values.
      throw new PoisonMessageException(eventId, "not a valid order: " + e.getMessage());
    }
  }

  /** Only a well-formed id is worth logging; anything else in its place may be anything. */
  private static String eventId(JsonNode detail) {
    try {
      return UUID.fromString(detail.path("eventId").asString()).toString();
    } catch (IllegalArgumentException e) {
      return UNKNOWN;
    }
  }

  private JsonNode parse(String body) {
    try {
      return reader.readTree(body);
    } catch (JacksonException e) {
      throw new PoisonMessageException(UNKNOWN, "the message body is not JSON");
    }
  }
}
