package com.swn.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class EventContractsTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  static ObjectNode checkout() {
    return (ObjectNode)
        JSON.readTree(
            """
            {"eventId":"6f1c1f1e-8a44-4c1b-9d55-2f1f0a0b9e11","eventType":"CheckoutBasket","schemaVersion":1,
             "occurredAt":"2026-11-27T10:00:00Z","correlationId":"req-1","producer":"com.swn.basket",
             "data":{"orderId":"0b5c1d9e-3f4a-4b6c-8d7e-9f0a1b2c3d4e","userName":"swn",
               "items":[{"productId":"p1","productName":"Phone","color":"black","quantity":2,"unitPrice":19.99,"lineTotal":39.98}],
               "totalPrice":39.98,
               "customer":{"firstName":"Ada","lastName":"Lovelace","email":"ada@example.com","address":"1 Analytical St"},
               "paymentMethod":"CARD","checkedOutAt":"2026-11-27T10:00:00Z"}}
            """);
  }

  @Test
  void acceptsAConformingCheckout() {
    assertThat(EventContracts.violations(checkout())).isEmpty();
  }

  @Test
  void rejectsCardDataAndMissingFields() {
    var withCard = checkout();
    ((ObjectNode) withCard.path("data")).put("cardInfo", "4111111111111111");
    var withoutTotal = checkout();
    ((ObjectNode) withoutTotal.path("data")).remove("totalPrice");

    assertThat(EventContracts.violations(withCard)).isNotEmpty();
    assertThat(EventContracts.violations(withoutTotal))
        .anySatisfy(v -> assertThat(v).contains("totalPrice"));
  }

  @Test
  void rejectsBadFormatsAndFractionsOfACent() {
    var badEmail = checkout();
    ((ObjectNode) badEmail.path("data").path("customer")).put("email", "not-an-email");
    var badPrice = checkout();
    ((ObjectNode) badPrice.path("data").path("items").path(0)).put("unitPrice", 19.999);
    var badId = checkout();
    badId.put("eventId", "42");

    assertThat(EventContracts.violations(badEmail)).isNotEmpty();
    assertThat(EventContracts.violations(badPrice)).isNotEmpty();
    assertThat(EventContracts.violations(badId)).isNotEmpty();
  }

  @Test
  void reportsUnknownEventTypes() {
    JsonNode unknown = JSON.readTree("{\"eventType\":\"Nope\",\"schemaVersion\":1}");

    assertThat(EventContracts.violations(unknown))
        .containsExactly("no published schema urn:swn:events:Nope:v1");
    assertThat(EventContracts.violations(JSON.readTree("{}"))).isNotEmpty();
  }
}
