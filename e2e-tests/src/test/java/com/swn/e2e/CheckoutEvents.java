package com.swn.e2e;

import com.swn.contracts.EventContracts;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The published example checkout as EventBridge delivers it to SQS, for injecting deliveries by
 * hand.
 */
final class CheckoutEvents {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private CheckoutEvents() {}

  static String eventBridgeMessage(String userName, String orderId) {
    var now = Instant.now().toString();
    var detail = EventContracts.example("CheckoutBasket", 1);
    detail.put("eventId", UUID.randomUUID().toString());
    detail.put("occurredAt", now);
    detail.put("correlationId", "e2e-duplicate");
    var data = (ObjectNode) detail.path("data");
    data.put("orderId", orderId);
    data.put("userName", userName);
    data.put("checkedOutAt", now);
    var event = EventContracts.delivery("CheckoutBasket", 1, detail);
    event.put("time", now);
    return JSON.writeValueAsString(event);
  }
}
