package com.swn.basket.basket.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doAnswer;

import com.swn.basket.Events;
import com.swn.basket.IntegrationTest;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A repricing that read a basket before it was checked out must not write the old lines into the
 * basket the customer fills next (issue 11, hole 2: versions are never reused).
 */
class RepricingAfterCheckoutIntegrationTest extends IntegrationTest {

  @Test
  void aRepricingThatReadTheOldBasketCannotBringItsLinesBack() throws Exception {
    var lamp = CATALOGUE.add("Lamp", "10.00");
    var clip = CATALOGUE.add("Clip", "1.00");
    var user = "reprice-aba-" + UUID.randomUUID();
    assertThat(
            http.put(
                    "/basket/" + user,
                    "{\"items\":[{\"productId\":\"%s\",\"quantity\":1}]}".formatted(lamp))
                .status())
        .isEqualTo(201);
    var repricingHasRead = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    doAnswer(
            invocation -> {
              var basket = invocation.callRealMethod();
              // Only the listener's read is held; the HTTP requests of this test pass straight
              // through.
              if (!Thread.currentThread().getName().startsWith("http-nio")
                  && repricingHasRead.getCount() > 0) {
                repricingHasRead.countDown();
                release.await(60, TimeUnit.SECONDS);
              }
              return basket;
            })
        .when(baskets)
        .find(user);

    Events.publishProductEvent(
        "ProductPriceChanged",
        "{\"productId\":\"%s\",\"name\":\"Lamp\",\"oldPrice\":10.00,\"newPrice\":12.00,\"version\":2}"
            .formatted(lamp));
    assertThat(repricingHasRead.await(30, TimeUnit.SECONDS))
        .as("the repricing read the basket")
        .isTrue();
    var checkout =
        "{\"userName\":\"%s\",\"firstName\":\"Ann\",\"lastName\":\"Lee\",\"email\":\"ann@example.com\",\"address\":\"1 Main St\",\"paymentMethod\":\"CARD\"}"
            .formatted(user);
    var checkedOut = http.post("/basket/checkout", checkout, "Idempotency-Key", "k");
    var next =
        http.put(
            "/basket/" + user,
            "{\"items\":[{\"productId\":\"%s\",\"quantity\":1}]}".formatted(clip));
    release.countDown();
    Events.awaitProductEventsHandled();

    assertThat(checkedOut.status()).isEqualTo(202);
    assertThat(next.status()).isEqualTo(201);
    var basket = http.get("/basket/" + user).json();
    assertThat(basket.path("items").size())
        .as("only what the customer put in the new basket")
        .isEqualTo(1);
    assertThat(basket.path("items").get(0).path("productId").asString()).isEqualTo(clip);
  }
}
