package com.swn.ordering;

import com.swn.contracts.EventContracts;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * CheckoutBasket v1 events as the basket service publishes them: the published example (two lamps
 * at 19.90 and a bulb at 5.05, so the computed total is 44.85) for the given order.
 */
public final class CheckoutEvents {

  public static final String SOURCE = "com.swn.basket.checkoutbasket";
  public static final String DETAIL_TYPE = "CheckoutBasket";
  public static final String TOTAL = "44.85";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private CheckoutEvents() {}

  /** The envelope (EventBridge {@code detail}) of a valid checkout. */
  public static ObjectNode detail(String orderId, String userName, Instant checkedOutAt) {
    var detail = EventContracts.example(DETAIL_TYPE, 1);
    detail.put("eventId", UUID.randomUUID().toString());
    detail.put("occurredAt", checkedOutAt.toString());
    detail.put("correlationId", "test-" + orderId);
    var data = (ObjectNode) detail.path("data");
    data.put("orderId", orderId);
    data.put("userName", userName);
    data.put("checkedOutAt", checkedOutAt.toString());
    return detail;
  }

  /** The SQS message body the rule delivers: the whole EventBridge event around the detail. */
  public static String eventBridgeEvent(ObjectNode detail) {
    var event = EventContracts.delivery(DETAIL_TYPE, 1, detail);
    event.put("time", Instant.now().toString());
    return JSON.writeValueAsString(event);
  }
}
