package com.swn.basket.checkout;

import static com.swn.basket.Events.ORDERS;
import static com.swn.basket.Events.checkoutOf;
import static com.swn.basket.Events.distinctEventIds;
import static com.swn.basket.checkout.CheckoutIntegrationTest.checkoutBody;
import static com.swn.basket.checkout.CheckoutIntegrationTest.fillBasket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import com.swn.basket.IntegrationTest;
import com.swn.basket.basket.Basket;
import com.swn.testsupport.HttpJson;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A basket that is deleted or checked out and created again never gets a version an old reader
 * holds (issue 11, hole 2): neither a client's stale ETag nor a checkout that read the old basket
 * can act on the new one.
 */
class BasketVersionReuseIntegrationTest extends IntegrationTest {

  private static String oneLamp(String productId) {
    return "{\"items\":[{\"productId\":\"%s\",\"quantity\":1}]}".formatted(productId);
  }

  @Test
  void aStaleETagFromADeletedBasketDoesNotMatchTheNextBasket() {
    var lamp = CATALOGUE.add("Lamp", "10");
    var user = "aba-" + UUID.randomUUID();

    var first = http.put("/basket/" + user, oneLamp(lamp));
    assertThat(http.delete("/basket/" + user).status()).isEqualTo(204);
    var second = http.put("/basket/" + user, oneLamp(lamp));
    var stale = http.put("/basket/" + user, "{\"items\":[]}", "If-Match", first.header("ETag"));

    assertThat(first.status()).isEqualTo(201);
    assertThat(second.status()).isEqualTo(201);
    assertThat(second.header("ETag")).isNotEqualTo(first.header("ETag"));
    assertThat(stale.status()).isEqualTo(412);
    var current = http.get("/basket/" + user);
    assertThat(current.header("ETag")).isEqualTo(second.header("ETag"));
    assertThat(current.json().path("items").size()).as("the new basket is untouched").isEqualTo(1);
  }

  @Test
  void aStaleETagFromACheckedOutBasketDoesNotMatchTheNextBasket() {
    var user = fillBasket(http);
    var first = http.get("/basket/" + user);
    assertThat(
            http.post("/basket/checkout", checkoutBody(user, "CARD"), "Idempotency-Key", "k")
                .status())
        .isEqualTo(202);
    var lamp = CATALOGUE.add("Lamp", "10");
    assertThat(http.put("/basket/" + user, oneLamp(lamp)).status()).isEqualTo(201);

    var stale = http.delete("/basket/" + user, "If-Match", first.header("ETag"));

    assertThat(stale.status()).isEqualTo(412);
    assertThat(http.get("/basket/" + user).status()).isEqualTo(200);
  }

  /**
   * Two checkouts with different keys both read the basket; one commits, the customer fills a new
   * basket, and only then does the other try to commit what it read. It must not delete the new
   * basket and order the old one a second time.
   */
  @Test
  void aCheckoutThatReadTheOldBasketCannotCheckOutTheNewOne() throws Exception {
    var user = fillBasket(http);
    var bothHaveRead = new CyclicBarrier(2);
    var reads = new AtomicInteger();
    doAnswer(
            invocation -> {
              var basket = invocation.callRealMethod();
              if (reads.incrementAndGet() <= 2) {
                bothHaveRead.await(10, TimeUnit.SECONDS);
              }
              return basket;
            })
        .when(baskets)
        .find(user);
    var recreated = new CountDownLatch(1);
    var commits = new AtomicInteger();
    doAnswer(
            invocation -> {
              if (commits.incrementAndGet() == 2 && !recreated.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the basket was not re-created in time");
              }
              return invocation.callRealMethod();
            })
        .when(baskets)
        .deleteUnchanged(any(Basket.class));

    try (var pool = Executors.newFixedThreadPool(2)) {
      List<Future<HttpJson.Response>> attempts =
          List.of(
              pool.submit(
                  () ->
                      http.post(
                          "/basket/checkout",
                          checkoutBody(user, "CARD"),
                          "Idempotency-Key",
                          "phone")),
              pool.submit(
                  () ->
                      http.post(
                          "/basket/checkout",
                          checkoutBody(user, "CARD"),
                          "Idempotency-Key",
                          "laptop")));
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> attempts.stream().anyMatch(Future::isDone));
      var first = attempts.get(0).isDone() ? 0 : 1;
      var winner = attempts.get(first).get();
      var lamp = CATALOGUE.add("Lamp", "10");
      var newBasket = http.put("/basket/" + user, oneLamp(lamp));
      recreated.countDown();
      var loser = attempts.get(1 - first).get(30, TimeUnit.SECONDS);

      assertThat(winner.status()).isEqualTo(202);
      assertThat(newBasket.status()).isEqualTo(201);
      assertThat(loser.status()).isEqualTo(409);
      var current = http.get("/basket/" + user);
      assertThat(current.status()).as("the new basket is still there").isEqualTo(200);
      assertThat(current.header("ETag")).isEqualTo(newBasket.header("ETag"));
      var events = ORDERS.await(checkoutOf(user), 1);
      assertThat(events)
          .allSatisfy(
              event ->
                  assertThat(event.path("detail").path("data").path("orderId").asString())
                      .isEqualTo(winner.json().path("orderId").asString()));
      assertThat(distinctEventIds(events)).isEqualTo(1);
    }
  }
}
