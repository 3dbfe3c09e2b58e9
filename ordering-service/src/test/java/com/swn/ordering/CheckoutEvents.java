package com.swn.ordering;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * CheckoutBasket v1 events as the basket service publishes them: two lamps at 19.90 and a bulb at
 * 5.05, so the computed total is 44.85.
 */
public final class CheckoutEvents {

  public static final String SOURCE = "com.swn.basket.checkoutbasket";
  public static final String DETAIL_TYPE = "CheckoutBasket";
  public static final String TOTAL = "44.85";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private CheckoutEvents() {}

  /** The envelope (EventBridge {@code detail}) of a valid checkout. */
  public static ObjectNode detail(String orderId, String userName, Instant checkedOutAt) {
    return (ObjectNode)
        JSON.readTree(
            """
            {
              "eventId": "%s",
              "eventType": "CheckoutBasket",
              "schemaVersion": 1,
              "occurredAt": "%s",
              "correlationId": "test-%s",
              "producer": "basket-service",
              "data": {
                "orderId": "%s",
                "userName": "%s",
                "items": [
                  {"productId": "p-lamp", "productName": "Lamp", "color": "red", "quantity": 2, "unitPrice": 19.90, "lineTotal": 39.80},
                  {"productId": "p-bulb", "productName": "Bulb", "color": null, "quantity": 1, "unitPrice": 5.05, "lineTotal": 5.05}
                ],
                "totalPrice": %s,
                "customer": {"firstName": "Ada", "lastName": "Lovelace", "email": "ada@example.com", "address": "12 Engine Street, London"},
                "paymentMethod": "CARD",
                "checkedOutAt": "%s"
              }
            }
            """
                .formatted(
                    UUID.randomUUID(),
                    checkedOutAt,
                    orderId,
                    orderId,
                    userName,
                    TOTAL,
                    checkedOutAt));
  }

  /** The SQS message body the rule delivers: the whole EventBridge event around the detail. */
  public static String eventBridgeEvent(ObjectNode detail) {
    var event = JSON.createObjectNode();
    event.put("version", "0");
    event.put("id", UUID.randomUUID().toString());
    event.put("detail-type", DETAIL_TYPE);
    event.put("source", SOURCE);
    event.put("account", "123456789012");
    event.put("time", Instant.now().toString());
    event.put("region", "eu-west-1");
    event.putArray("resources");
    event.set("detail", detail);
    return JSON.writeValueAsString(event);
  }
}
