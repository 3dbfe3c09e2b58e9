package com.swn.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class EventContractsTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  static ObjectNode checkout() {
    return EventContracts.example("CheckoutBasket", 1);
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
