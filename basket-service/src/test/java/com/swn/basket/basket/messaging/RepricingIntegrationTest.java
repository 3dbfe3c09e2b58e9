package com.swn.basket.basket.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.swn.basket.Events;
import com.swn.basket.IntegrationTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Product events published to the bus the way the product service publishes them, routed by the
 * real rule to the basket's queue and handled by the listener.
 */
class RepricingIntegrationTest extends IntegrationTest {

  private static void priceChanged(
      String productId, String oldPrice, String newPrice, long version) {
    Events.publishProductEvent(
        "ProductPriceChanged",
        "{\"productId\":\"%s\",\"name\":\"Lamp v%d\",\"oldPrice\":%s,\"newPrice\":%s,\"version\":%d}"
            .formatted(productId, version, oldPrice, newPrice, version));
  }

  private JsonNode basket(String user) {
    var response = http.get("/basket/" + user);
    assertThat(response.status()).isEqualTo(200);
    return response.json();
  }

  private String basketWith(String... productIds) {
    var user = "repriced-" + UUID.randomUUID();
    var items = new StringBuilder();
    for (var productId : productIds) {
      items
          .append(items.isEmpty() ? "" : ",")
          .append("{\"productId\":\"%s\",\"quantity\":2}".formatted(productId));
    }
    assertThat(http.put("/basket/" + user, "{\"items\":[" + items + "]}").status()).isEqualTo(201);
    return user;
  }

  @Test
  void repricesOpenBasketsAndIgnoresRedeliveredOrOlderEvents() {
    var lamp = CATALOGUE.add("Lamp", "10.00");
    var clip = CATALOGUE.add("Clip", "1.00");
    var ann = basketWith(lamp);
    var bob = basketWith(lamp, clip);
    var gone = basketWith(lamp);
    assertThat(http.delete("/basket/" + gone).status())
        .as("leaves a stale marker behind")
        .isEqualTo(204);

    priceChanged(lamp, "10.00", "12.50", 2);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(basket(ann).path("totalPrice").decimalValue())
                  .isEqualByComparingTo("25.00");
              assertThat(basket(bob).path("totalPrice").decimalValue())
                  .isEqualByComparingTo("27.00");
            });
    var repriced = basket(ann);
    assertThat(repriced.path("items").get(0).path("priceVersion").asLong()).isEqualTo(2);
    assertThat(repriced.path("items").get(0).path("productName").asString()).isEqualTo("Lamp v2");
    Events.awaitProductEventsHandled();

    priceChanged(lamp, "10.00", "99.00", 2); // redelivered (same version)
    priceChanged(lamp, "12.00", "5.00", 1); // older, arriving late
    Events.awaitProductEventsHandled();

    var after = basket(ann);
    assertThat(after.path("totalPrice").decimalValue()).isEqualByComparingTo("25.00");
    assertThat(after.path("version").asLong())
        .as("not even rewritten")
        .isEqualTo(repriced.path("version").asLong());
    assertThat(http.get("/basket/" + gone).status()).isEqualTo(404);
  }

  @Test
  void marksLinesOfADeletedProductUnavailableAndBlocksCheckoutUntilRemoved() {
    var lamp = CATALOGUE.add("Lamp", "10.00");
    var clip = CATALOGUE.add("Clip", "1.00");
    var user = basketWith(lamp, clip);

    Events.publishProductEvent(
        "ProductDeleted", "{\"productId\":\"%s\",\"version\":3}".formatted(lamp));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(basket(user).path("items").get(0).path("available").asBoolean())
                    .isFalse());
    assertThat(basket(user).path("totalPrice").decimalValue())
        .as("not charged")
        .isEqualByComparingTo("2.00");
    priceChanged(lamp, "10.00", "11.00", 2); // older than the deletion
    Events.awaitProductEventsHandled();
    assertThat(basket(user).path("items").get(0).path("available").asBoolean()).isFalse();

    var body =
        """
        {"userName":"%s","firstName":"Ann","lastName":"Lee","email":"ann@example.com","address":"1 Main St","paymentMethod":"INVOICE"}
        """
            .formatted(user);
    var refused = http.post("/basket/checkout", body, "Idempotency-Key", "first");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().path("productIds").get(0).asString()).isEqualTo(lamp);
    assertThat(http.delete("/basket/" + user + "/items/" + lamp).status()).isEqualTo(200);
    var accepted = http.post("/basket/checkout", body, "Idempotency-Key", "second");
    assertThat(accepted.status()).isEqualTo(202);
    assertThat(accepted.json().path("totalPrice").decimalValue()).isEqualByComparingTo("2.00");
  }
}
