package com.swn.basket.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.swn.basket.Events;
import com.swn.basket.IntegrationTestBase;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An add is priced from the service's own view of the catalogue: the product events keep it, a miss
 * asks the catalogue once and fills it, and events that come twice, late or out of order leave the
 * newest state. Events go through the real bus, rule and queue.
 */
class CatalogViewIntegrationTest extends IntegrationTestBase {

  @Autowired CatalogView view;

  private static void created(String productId, String name, String price) {
    Events.publishProductEvent(
        "ProductCreated",
        "{\"productId\":\"%s\",\"name\":\"%s\",\"price\":%s,\"category\":\"Test\",\"version\":1}"
            .formatted(productId, name, price));
  }

  private static void priceChanged(String productId, String name, String price, long version) {
    Events.publishProductEvent(
        "ProductPriceChanged",
        "{\"productId\":\"%s\",\"name\":\"%s\",\"oldPrice\":1,\"newPrice\":%s,\"version\":%d}"
            .formatted(productId, name, price, version));
  }

  private static void deleted(String productId, long version) {
    Events.publishProductEvent(
        "ProductDeleted", "{\"productId\":\"%s\",\"version\":%d}".formatted(productId, version));
  }

  private int add(String user, String productId) {
    return http.post(
            "/basket/" + user + "/items",
            "{\"productId\":\"%s\",\"quantity\":1}".formatted(productId))
        .status();
  }

  private BigDecimal unitPrice(String user) {
    return http.get("/basket/" + user).json().path("items").get(0).path("unitPrice").decimalValue();
  }

  private static String user() {
    return "viewer-" + UUID.randomUUID();
  }

  @Test
  void aCreatedProductIsPricedWithoutAskingTheCatalogue() {
    var id = UUID.randomUUID().toString(); // not in the catalogue stub: only the event knows it
    created(id, "Lamp", "19.90");
    Events.awaitProductEventsHandled();

    var user = user();
    assertThat(add(user, id)).isEqualTo(200);

    assertThat(unitPrice(user)).isEqualByComparingTo("19.90");
    assertThat(CATALOGUE.requestsFor(id)).isZero();
  }

  @Test
  void aMissAsksTheCatalogueOnceAndFillsTheView() {
    var id = CATALOGUE.add("Clip", "2.50");

    assertThat(add(user(), id)).isEqualTo(200);
    assertThat(add(user(), id)).isEqualTo(200);

    assertThat(CATALOGUE.requestsFor(id)).isEqualTo(1);
    assertThat(view.find(List.of(id)).get(id))
        .isEqualTo(
            new CatalogView.Entry(
                id, 1, new CatalogProduct(id, "Clip", new BigDecimal("2.50"), 1)));
  }

  @Test
  void followsPriceChangesAndIgnoresRepeatedOrOlderOnes() {
    var id = UUID.randomUUID().toString();
    created(id, "Lamp", "10.00");
    priceChanged(id, "Lamp", "12.50", 3);
    Events.awaitProductEventsHandled();
    priceChanged(id, "Lamp", "11.00", 2); // late
    priceChanged(id, "Lamp", "99.00", 3); // the same version again, another price: ignored
    Events.awaitProductEventsHandled();

    var user = user();
    assertThat(add(user, id)).isEqualTo(200);

    assertThat(unitPrice(user)).isEqualByComparingTo("12.50");
    assertThat(CATALOGUE.requestsFor(id)).isZero();
  }

  @Test
  void aDeletedProductIsUnknownAndStaysDeleted() {
    var id = UUID.randomUUID().toString();
    created(id, "Lamp", "10.00");
    deleted(id, 1);
    Events.awaitProductEventsHandled();
    priceChanged(id, "Lamp", "12.50", 2); // cannot bring it back
    Events.awaitProductEventsHandled();

    var response =
        http.post(
            "/basket/" + user() + "/items", "{\"productId\":\"%s\",\"quantity\":1}".formatted(id));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().path("title").asString()).isEqualTo("Unknown product");
    assertThat(CATALOGUE.requestsFor(id)).isZero();
  }

  @Test
  void aCatalogueReadOlderThanAnEventDoesNotOverwriteIt() {
    var id = UUID.randomUUID().toString();
    created(id, "Lamp", "10.00");
    priceChanged(id, "Lamp", "12.50", 2);
    Events.awaitProductEventsHandled();

    // A look-up that read version 1 before the event and writes after it.
    assertThat(view.record(new CatalogProduct(id, "Lamp", new BigDecimal("10.00"), 1))).isFalse();

    var user = user();
    assertThat(add(user, id)).isEqualTo(200);
    assertThat(unitPrice(user)).isEqualByComparingTo("12.50");
  }

  @Test
  void aBasketOfManyProductsReadsTheViewInOneGoAndAsksOnlyForTheMissing() {
    var known = UUID.randomUUID().toString();
    created(known, "Known", "3.00");
    Events.awaitProductEventsHandled();
    var unknownToTheView = CATALOGUE.add("Fresh", "4.00");

    var user = user();
    var put =
        http.put(
            "/basket/" + user,
            "{\"items\":[{\"productId\":\"%s\",\"quantity\":1},{\"productId\":\"%s\",\"quantity\":2}]}"
                .formatted(known, unknownToTheView));

    assertThat(put.status()).isEqualTo(201);
    assertThat(put.json().path("totalPrice").decimalValue()).isEqualByComparingTo("11.00");
    assertThat(CATALOGUE.requestsFor(known)).isZero();
    assertThat(CATALOGUE.requestsFor(unknownToTheView)).isEqualTo(1);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> view.find(List.of(unknownToTheView)).containsKey(unknownToTheView));
  }
}
