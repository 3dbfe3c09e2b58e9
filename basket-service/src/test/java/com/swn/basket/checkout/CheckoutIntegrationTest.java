package com.swn.basket.checkout;

import static com.swn.basket.Events.ORDERS;
import static com.swn.basket.Events.checkoutOf;
import static com.swn.basket.Events.distinctEventIds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doAnswer;

import com.swn.basket.IntegrationTest;
import com.swn.contracts.EventContracts;
import com.swn.testsupport.HttpJson;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Checkout end to end: HTTP in, DynamoDB transaction, outbox relay, EventBridge rule, OrderQueue
 * out.
 */
class CheckoutIntegrationTest extends IntegrationTest {

  @Autowired MeterRegistry meters;

  static String checkoutBody(String userName, String paymentMethod) {
    return """
        {"userName":"%s","firstName":"Ann","lastName":"Lee","email":"ann@example.com",
         "address":"1 Main St, Springfield","paymentMethod":"%s"}
        """
        .formatted(userName, paymentMethod);
  }

  /** A basket of 3 × 19.99 and 2 × 0.10 = 60.17. */
  static String fillBasket(HttpJson http) {
    var lamp = CATALOGUE.add("Lamp", "19.99");
    var clip = CATALOGUE.add("Clip", "0.10");
    var user = "buyer-" + UUID.randomUUID();
    var body =
        "{\"items\":[{\"productId\":\"%s\",\"quantity\":3,\"color\":\"red\"},{\"productId\":\"%s\",\"quantity\":2}]}"
            .formatted(lamp, clip);
    assertThat(http.put("/basket/" + user, body).status()).isEqualTo(201);
    return user;
  }

  @Test
  void checksOutOnceAndPublishesAContractValidEvent() {
    var user = fillBasket(http);
    var checkoutsBefore = meters.counter("basket.checkouts").count();

    var accepted =
        http.post("/basket/checkout", checkoutBody(user, "CARD"), "Idempotency-Key", "key-1");

    assertThat(accepted.status()).isEqualTo(202);
    var orderId = accepted.json().path("orderId").asString();
    assertThat(accepted.header("Location")).isEqualTo("/order/" + user + "/" + orderId);
    assertThat(accepted.json().path("status").asString()).isEqualTo("ACCEPTED");
    assertThat(accepted.json().path("totalPrice").decimalValue()).isEqualByComparingTo("60.17");
    assertThat(http.get("/basket/" + user).status()).as("basket removed").isEqualTo(404);

    var event = ORDERS.await(checkoutOf(user), 1).getFirst();
    assertThat(event.path("source").asString()).isEqualTo("com.swn.basket.checkoutbasket");
    assertThat(event.path("detail-type").asString()).isEqualTo("CheckoutBasket");
    var detail = event.path("detail");
    assertThat(EventContracts.violations(detail))
        .as("CheckoutBasket matches its published schema")
        .isEmpty();
    var data = detail.path("data");
    assertThat(data.path("orderId").asString()).isEqualTo(orderId);
    assertThat(data.path("totalPrice").decimalValue()).isEqualByComparingTo("60.17");
    assertThat(data.path("items").get(0).path("lineTotal").decimalValue())
        .isEqualByComparingTo("59.97");
    assertThat(data.path("customer").path("email").asString()).isEqualTo("ann@example.com");

    var retried =
        http.post("/basket/checkout", checkoutBody(user, "CARD"), "Idempotency-Key", "key-1");
    assertThat(retried.status()).isEqualTo(202);
    assertThat(retried.body()).isEqualTo(accepted.body());
    assertThat(retried.header("Location")).isEqualTo(accepted.header("Location"));

    var reused =
        http.post("/basket/checkout", checkoutBody(user, "INVOICE"), "Idempotency-Key", "key-1");
    assertThat(reused.status()).isEqualTo(422);
    assertThat(reused.header("Content-Type")).startsWith("application/problem+json");

    assertThat(distinctEventIds(ORDERS.seen(checkoutOf(user))))
        .as("one event for the one order")
        .isEqualTo(1);
    assertThat(meters.counter("basket.checkouts").count())
        .as("retries not counted")
        .isEqualTo(checkoutsBefore + 1);
  }

  @Test
  void refusesAMissingOrEmptyBasket() {
    var nobody = "nobody-" + UUID.randomUUID();
    var empty = "empty-" + UUID.randomUUID();
    http.put("/basket/" + empty, "{\"items\":[]}");

    var missing =
        http.post("/basket/checkout", checkoutBody(nobody, "CARD"), "Idempotency-Key", "k");
    var nothingToOrder =
        http.post("/basket/checkout", checkoutBody(empty, "CARD"), "Idempotency-Key", "k");

    assertThat(missing.status()).isEqualTo(404);
    assertThat(nothingToOrder.status()).isEqualTo(422);
    assertThat(nothingToOrder.json().path("title").asString()).isEqualTo("Empty basket");
    assertThat(http.get("/basket/" + empty).status()).as("an empty basket is kept").isEqualTo(200);
  }

  /**
   * The producer's own contract check: a catalogue entry without a name cannot make a valid event.
   */
  @Test
  void refusesWith400AndChangesNothingWhenTheEventWouldBreakItsContract() {
    var nameless = CATALOGUE.add("", "3.00");
    var user = "contract-" + UUID.randomUUID();
    assertThat(
            http.put(
                    "/basket/" + user,
                    "{\"items\":[{\"productId\":\"%s\",\"quantity\":1}]}".formatted(nameless))
                .status())
        .isEqualTo(201);
    var before = http.get("/basket/" + user);

    var refused = http.post("/basket/checkout", checkoutBody(user, "CARD"), "Idempotency-Key", "k");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(refused.json().path("title").asString())
        .isEqualTo("Request violates the event contract");
    assertThat(refused.json().path("violations").toString()).contains("productName");
    var after = http.get("/basket/" + user);
    assertThat(after.status()).as("the basket is kept").isEqualTo(200);
    assertThat(after.header("ETag")).isEqualTo(before.header("ETag"));
    assertThat(
            http.post("/basket/checkout", checkoutBody(user, "CARD"), "Idempotency-Key", "k")
                .status())
        .as("the key was not used")
        .isEqualTo(400);
  }

  /**
   * Both requests read the basket before either commits, so they really race for the one commit.
   */
  private List<HttpJson.Response> raceTwoCheckouts(String user, String firstKey, String secondKey)
      throws Exception {
    var bothHaveRead = new CyclicBarrier(2);
    doAnswer(
            invocation -> {
              var basket = invocation.callRealMethod();
              bothHaveRead.await(10, TimeUnit.SECONDS);
              return basket;
            })
        .when(baskets)
        .find(user);
    List<Future<HttpJson.Response>> attempts = new ArrayList<>();
    try (var pool = Executors.newFixedThreadPool(2)) {
      for (var key : List.of(firstKey, secondKey)) {
        attempts.add(
            pool.submit(
                () ->
                    http.post(
                        "/basket/checkout", checkoutBody(user, "CARD"), "Idempotency-Key", key)));
      }
    }
    var responses = new ArrayList<HttpJson.Response>();
    for (var attempt : attempts) {
      responses.add(attempt.get());
    }
    return responses;
  }

  @Test
  void letsExactlyOneOfTwoConcurrentCheckoutsWin() throws Exception {
    var user = fillBasket(http);

    var responses = raceTwoCheckouts(user, "phone", "laptop");

    assertThat(responses).extracting(HttpJson.Response::status).containsExactlyInAnyOrder(202, 409);
    var loser =
        responses.stream().filter(response -> response.status() == 409).findFirst().orElseThrow();
    assertThat(loser.json().path("title").asString())
        .isEqualTo("Basket already checked out or changed");
    var winner =
        responses.stream().filter(response -> response.status() == 202).findFirst().orElseThrow();
    var orderId = winner.json().path("orderId").asString();
    var events = ORDERS.await(checkoutOf(user), 1);
    assertThat(events)
        .allSatisfy(
            event ->
                assertThat(event.path("detail").path("data").path("orderId").asString())
                    .isEqualTo(orderId));
    assertThat(distinctEventIds(events)).isEqualTo(1);
  }

  @Test
  void givesConcurrentRetriesWithTheSameKeyTheSameOrder() throws Exception {
    var user = fillBasket(http);

    var responses = raceTwoCheckouts(user, "double-click", "double-click");

    assertThat(responses).extracting(HttpJson.Response::status).containsExactly(202, 202);
    assertThat(responses.get(0).body()).isEqualTo(responses.get(1).body());
    assertThat(distinctEventIds(ORDERS.await(checkoutOf(user), 1))).isEqualTo(1);
  }
}
