package com.swn.ordering.order.messaging;

import com.swn.ordering.order.PlaceOrder;
import com.swn.platform.messaging.EventMessageReader;
import com.swn.platform.messaging.InvalidEventMessageException;
import com.swn.platform.messaging.ReceivedEvent;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an SQS message body into a {@link PlaceOrder} command, or rejects it as poison. The
 * platform's reader does the checks every listener shares (JSON, the published CheckoutBasket v1
 * schema by name, detail-type); this adds the order's own rules.
 */
final class CheckoutBasketReader {

  static final String EVENT_TYPE = "CheckoutBasket";
  static final int SCHEMA_VERSION = 1;

  private final EventMessageReader reader;

  CheckoutBasketReader(JsonMapper jsonMapper) {
    this.reader = new EventMessageReader(jsonMapper, Map.of(EVENT_TYPE, SCHEMA_VERSION));
  }

  /** A checkout ready to place, with the event it came in (its trace context among the rest). */
  record Checkout(ReceivedEvent event, PlaceOrder command) {}

  /**
   * @throws InvalidEventMessageException for a message that can never become an order
   */
  Checkout read(String body) {
    var event = reader.read(body);
    try {
      return new Checkout(event, event.data(CheckoutBasket.class).toCommand(event.eventId()));
    } catch (IllegalArgumentException e) {
      // Conforms to the schema but not to the order's own rules; those messages quote no values.
      throw new InvalidEventMessageException(
          event.eventId().toString(), "not a valid order: " + e.getMessage());
    }
  }
}
