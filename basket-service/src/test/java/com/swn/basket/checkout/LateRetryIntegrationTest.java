package com.swn.basket.checkout;

import static com.swn.basket.Events.ORDERS;
import static com.swn.basket.Events.checkoutOf;
import static com.swn.basket.Events.distinctEventIds;
import static com.swn.basket.checkout.CheckoutIntegrationTest.checkoutBody;
import static com.swn.basket.checkout.CheckoutIntegrationTest.fillBasket;
import static org.assertj.core.api.Assertions.assertThat;

import com.swn.basket.BasketProperties;
import com.swn.basket.IntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An Idempotency-Key that was accepted once never places a second order, however late the retry
 * (issue 11, hole 4): within {@code CHECKOUT_IDEMPOTENCY_TTL} it gets the same 202, after it a 409
 * that names the order, never a checkout of the basket the user has by then.
 */
class LateRetryIntegrationTest extends IntegrationTest {

  @Autowired BasketProperties properties;

  @Test
  void aRetryAfterTheAnswersLifetimeIsRefusedAndOrdersNothing() {
    var user = fillBasket(http);
    var accepted =
        http.post("/basket/checkout", checkoutBody(user, "CARD"), "Idempotency-Key", "late");
    assertThat(accepted.status()).isEqualTo(202);
    var orderId = accepted.json().path("orderId").asString();

    clock.advance(properties.idempotencyTtl().minus(Duration.ofMinutes(1)));
    var inTime =
        http.post("/basket/checkout", checkoutBody(user, "CARD"), "Idempotency-Key", "late");
    clock.advance(Duration.ofMinutes(2));
    var lamp = CATALOGUE.add("Lamp", "10");
    assertThat(
            http.put(
                    "/basket/" + user,
                    "{\"items\":[{\"productId\":\"%s\",\"quantity\":1}]}".formatted(lamp))
                .status())
        .as("the user has a new basket by now")
        .isEqualTo(201);
    var late = http.post("/basket/checkout", checkoutBody(user, "CARD"), "Idempotency-Key", "late");
    var lateOtherBody =
        http.post("/basket/checkout", checkoutBody(user, "INVOICE"), "Idempotency-Key", "late");

    assertThat(inTime.status()).isEqualTo(202);
    assertThat(inTime.body()).isEqualTo(accepted.body());
    assertThat(late.status()).isEqualTo(409);
    assertThat(late.header("Content-Type")).startsWith("application/problem+json");
    assertThat(late.json().path("title").asString()).isEqualTo("Idempotency-Key already used");
    assertThat(late.json().path("orderId").asString()).isEqualTo(orderId);
    assertThat(lateOtherBody.status()).isEqualTo(422);
    assertThat(http.get("/basket/" + user).status())
        .as("the new basket is not checked out")
        .isEqualTo(200);
    assertThat(distinctEventIds(ORDERS.await(checkoutOf(user), 1))).isEqualTo(1);
  }
}
