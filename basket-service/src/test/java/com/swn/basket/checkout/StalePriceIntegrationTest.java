package com.swn.basket.checkout;

import static com.swn.basket.Events.ORDERS;
import static com.swn.basket.Events.checkoutOf;
import static com.swn.basket.checkout.CheckoutIntegrationTest.checkoutBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;

import com.swn.basket.Events;
import com.swn.basket.IntegrationTestBase;
import com.swn.basket.catalog.CatalogProduct;
import com.swn.platform.dynamodb.BatchRead;
import com.swn.testsupport.HttpJson;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A product event that lands between an add's price look-up (the service's view of the catalogue,
 * or the catalogue itself) and its write finds no basket line to change (issue 11, hole 7). The
 * checkout reads the catalogue again, so such a basket is never ordered at the old price, nor with
 * a product the catalogue no longer has.
 */
class StalePriceIntegrationTest extends IntegrationTestBase {

  /**
   * Adds one of the product to a new basket, holding the add after its catalogue read until {@code
   * meanwhile} (the product's change and its event) has run.
   */
  private String addWhile(String productId, Runnable meanwhile) throws Exception {
    var user = "stale-" + UUID.randomUUID();
    var holding = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    var first = new AtomicBoolean(true);
    doAnswer(
            invocation -> {
              // The add reads the basket with the product's price, then writes: hold it after the
              // price's answer, before anything is written.
              @SuppressWarnings("unchecked")
              var price = (Supplier<CatalogProduct>) invocation.callRealMethod();
              return (Supplier<CatalogProduct>)
                  () -> {
                    var answer = price.get();
                    if (first.getAndSet(false)) {
                      holding.countDown();
                      awaitRelease(release);
                    }
                    return answer;
                  };
            })
        .when(catalog)
        .product(any(BatchRead.class), eq(productId));
    try (var pool = Executors.newSingleThreadExecutor()) {
      var add =
          pool.submit(
              () ->
                  http.post(
                      "/basket/" + user + "/items",
                      "{\"productId\":\"%s\",\"quantity\":2}".formatted(productId)));
      assertThat(holding.await(30, TimeUnit.SECONDS)).as("the add has read its prices").isTrue();
      meanwhile.run();
      Events.awaitProductEventsHandled();
      release.countDown();
      assertThat(add.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
    }
    return user;
  }

  private static void awaitRelease(CountDownLatch release) {
    try {
      if (!release.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("not released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aPriceChangeMissedByAnAddIsCaughtAtCheckout() throws Exception {
    var lamp = CATALOGUE.add("Lamp", "10.00");
    var user =
        addWhile(
            lamp,
            () -> {
              CATALOGUE.put(lamp, "Lamp", "12.00", 2);
              Events.publishProductEvent(
                  "ProductPriceChanged",
                  "{\"productId\":\"%s\",\"name\":\"Lamp\",\"oldPrice\":10.00,\"newPrice\":12.00,\"version\":2}"
                      .formatted(lamp));
            });
    assertThat(http.get("/basket/" + user).json().path("totalPrice").decimalValue())
        .as("the window: the basket missed the event")
        .isEqualByComparingTo("20.00");

    var refused = http.post("/basket/checkout", checkoutBody(user, "CARD"), "Idempotency-Key", "k");
    var shown = http.get("/basket/" + user);
    var accepted =
        http.post("/basket/checkout", checkoutBody(user, "CARD"), "Idempotency-Key", "k");

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().path("title").asString()).isEqualTo("Prices changed");
    assertThat(refused.json().path("productIds").get(0).asString()).isEqualTo(lamp);
    assertThat(shown.json().path("totalPrice").decimalValue())
        .as("the basket shows the new price")
        .isEqualByComparingTo("24.00");
    assertThat(accepted.status()).isEqualTo(202);
    assertThat(accepted.json().path("totalPrice").decimalValue()).isEqualByComparingTo("24.00");
    var event = ORDERS.await(checkoutOf(user), 1).getFirst();
    assertThat(
            event.path("detail").path("data").path("items").get(0).path("unitPrice").decimalValue())
        .isEqualByComparingTo("12.00");
  }

  @Test
  void aDeletionMissedByAnAddIsCaughtAtCheckout() throws Exception {
    var lamp = CATALOGUE.add("Lamp", "10.00");
    var user =
        addWhile(
            lamp,
            () -> {
              CATALOGUE.remove(lamp);
              Events.publishProductEvent(
                  "ProductDeleted", "{\"productId\":\"%s\",\"version\":1}".formatted(lamp));
            });

    HttpJson.Response refused =
        http.post("/basket/checkout", checkoutBody(user, "CARD"), "Idempotency-Key", "k");
    var again = http.post("/basket/checkout", checkoutBody(user, "CARD"), "Idempotency-Key", "k");

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().path("productIds").get(0).asString()).isEqualTo(lamp);
    assertThat(
            http.get("/basket/" + user).json().path("items").get(0).path("available").asBoolean())
        .isFalse();
    assertThat(again.status()).as("until the line is removed").isEqualTo(409);
    assertThat(again.json().path("title").asString()).isEqualTo("Unavailable items");
  }
}
