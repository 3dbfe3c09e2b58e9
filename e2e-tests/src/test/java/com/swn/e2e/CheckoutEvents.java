package com.swn.e2e;

import java.time.Instant;
import java.util.UUID;

/** A schema-valid checkout as EventBridge delivers it to SQS, for injecting deliveries by hand. */
final class CheckoutEvents {

  private CheckoutEvents() {}

  static String eventBridgeMessage(String userName, String orderId) {
    var now = Instant.now().toString();
    return """
        {"version":"0","id":"%s","detail-type":"CheckoutBasket","source":"com.swn.basket.checkoutbasket",
         "account":"123456789012","time":"%s","region":"us-east-1","resources":[],
         "detail":{"eventId":"%s","eventType":"CheckoutBasket","schemaVersion":1,"occurredAt":"%s",
           "correlationId":"e2e-duplicate","producer":"com.swn.basket.checkoutbasket",
           "data":{"orderId":"%s","userName":"%s",
             "items":[{"productId":"p-1","productName":"Pen","color":null,"quantity":3,"unitPrice":1.50,"lineTotal":4.50}],
             "totalPrice":4.50,
             "customer":{"firstName":"Ada","lastName":"Lovelace","email":"ada@example.com","address":"1 Engine Road"},
             "paymentMethod":"INVOICE","checkedOutAt":"%s"}}}
        """
        .formatted(UUID.randomUUID(), now, UUID.randomUUID(), now, orderId, userName, now);
  }
}
