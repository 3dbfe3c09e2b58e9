package com.swn.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.swn.testsupport.HttpJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The article's journey through the public API — products, basket, checkout, order — and the faults
 * that lost or duplicated orders in the original: retries, concurrent checkouts, duplicate and
 * poison deliveries, and an ordering instance killed mid-stream.
 */
class CheckoutJourneyE2ETest {

  private static final Duration ORDER_VISIBLE = Duration.ofSeconds(90);
  private static LocalSystem system;
  private static HttpJson api;

  @BeforeAll
  static void system() {
    system = LocalSystem.shared();
    api();
  }

  /** The gateway's client; the helpers below are shared with other journeys (TracingE2ETest). */
  static synchronized HttpJson api() {
    if (api == null) {
      api = LocalSystem.shared().api();
    }
    return api;
  }

  private static String user() {
    return "e2e-" + UUID.randomUUID().toString().substring(0, 8);
  }

  static String product(String name, String price) {
    var created =
        api()
            .post(
                "/product",
                """
            {"name":"%s","description":"for checkout","imageFile":"x.png","price":%s,"category":"Checkout"}
            """
                    .formatted(name, price));
    assertThat(created.status()).isEqualTo(201);
    return created.json().path("id").asString();
  }

  static void fill(String user, String... productQuantityPairs) {
    var items = new ArrayList<String>();
    for (int i = 0; i < productQuantityPairs.length; i += 2) {
      items.add(
          "{\"productId\":\"%s\",\"quantity\":%s,\"color\":\"black\"}"
              .formatted(productQuantityPairs[i], productQuantityPairs[i + 1]));
    }
    var response = api().put("/basket/" + user, "{\"items\":[" + String.join(",", items) + "]}");
    assertThat(response.status()).as(response.body()).isEqualTo(201);
  }

  static HttpJson.Response checkout(String user, String idempotencyKey) {
    return checkout(user, idempotencyKey, "ada@example.com");
  }

  static HttpJson.Response checkout(String user, String idempotencyKey, String email) {
    return api()
        .post(
            "/basket/checkout",
            """
        {"userName":"%s","firstName":"Ada","lastName":"Lovelace","email":"%s","address":"1 Engine Road","paymentMethod":"CARD"}
        """
                .formatted(user, email),
            "Idempotency-Key",
            idempotencyKey);
  }

  static JsonNode awaitOrder(String location) {
    await()
        .atMost(ORDER_VISIBLE)
        .pollInterval(Duration.ofMillis(250))
        .until(() -> api().get(location).status() == 200);
    return api().get(location).json();
  }

  static int ordersOf(String user) {
    return api().get("/order/" + user + "?limit=100").json().path("items").size();
  }

  @Test
  void checkoutBecomesOneOrderWithTheCatalogueTotalAndTheBasketIsGone() {
    var phone = product("Phone", "19.99");
    var cable = product("Cable", "5.50");
    var user = user();
    fill(user, phone, "2", cable, "3");
    assertThat(api().get("/basket/" + user).json().path("totalPrice").decimalValue())
        .isEqualByComparingTo("56.48");

    var accepted = checkout(user, "key-" + user);

    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    var orderId = accepted.json().path("orderId").asString();
    assertThat(accepted.header("Location")).isEqualTo("/order/" + user + "/" + orderId);
    var order = awaitOrder(accepted.header("Location"));
    assertThat(order.path("status").asString()).isEqualTo("PLACED");
    assertThat(order.path("totalPrice").decimalValue()).isEqualByComparingTo("56.48");
    assertThat(order.path("items").size()).isEqualTo(2);
    assertThat(api().get("/basket/" + user).status()).isEqualTo(404);

    var retried = checkout(user, "key-" + user);
    assertThat(retried.status()).isEqualTo(202);
    assertThat(retried.json().path("orderId").asString()).isEqualTo(orderId);
    assertThat(ordersOf(user)).isEqualTo(1);
  }

  @Test
  void anEmptyOrMissingBasketCannotBeCheckedOut() {
    var response = checkout(user(), "key-missing");

    assertThat(response.status()).isBetween(400, 499);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
  }

  @Test
  void aPriceChangeRepricesAnOpenBasket() {
    var lamp = product("Lamp", "10.00");
    var user = user();
    fill(user, lamp, "2");

    var changed =
        api()
            .put(
                "/product/" + lamp,
                """
            {"name":"Lamp","description":"for checkout","imageFile":"x.png","price":12.00,"category":"Checkout"}
            """,
                "If-Match",
                "\"1\"");
    assertThat(changed.status()).isEqualTo(200);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(api().get("/basket/" + user).json().path("totalPrice").decimalValue())
                    .isEqualByComparingTo("24.00"));
  }

  @Test
  void concurrentCheckoutsOfOneBasketMakeOneOrder() throws Exception {
    var user = user();
    fill(user, product("Desk", "120.00"), "1");
    var start = new CountDownLatch(1);
    Callable<Integer> attempt =
        () -> {
          start.await();
          return checkout(user, UUID.randomUUID().toString()).status();
        };

    List<Integer> statuses;
    try (var threads = Executors.newFixedThreadPool(4)) {
      var futures =
          List.of(
              threads.submit(attempt),
              threads.submit(attempt),
              threads.submit(attempt),
              threads.submit(attempt));
      start.countDown();
      statuses = new ArrayList<>();
      for (var future : futures) {
        statuses.add(future.get());
      }
    }

    assertThat(statuses).filteredOn(status -> status == 202).hasSize(1);
    assertThat(statuses).allSatisfy(status -> assertThat(status).isIn(202, 404, 409));
    await().atMost(ORDER_VISIBLE).until(() -> ordersOf(user) >= 1);
    assertThat(ordersOf(user)).isEqualTo(1);
  }

  /**
   * Addresses that the HTTP layer's {@code @Email} once accepted and the {@code CheckoutBasket}
   * contract refused: a 202 that ended in {@code OrderQueue-dlq}. Each must now end in an order, or
   * be refused up front with a 400 that leaves the basket alone, and none may reach the dead-letter
   * queue.
   */
  @Test
  void anUnusualAddressEndsInAnOrderOrA400NeverInTheDeadLetterQueue() {
    var product = product("Stamp", "1.20");
    var outcomes = new ArrayList<String>();
    var users = new ArrayList<String>();
    for (var email : List.of("ada@shop.internal", "ada@example.test", "ada@[10.0.0.1]")) {
      var user = user();
      users.add(user);
      fill(user, product, "1");

      var response = checkout(user, "key-" + user, email);

      assertThat(response.status()).as(email + ": " + response.body()).isIn(202, 400);
      if (response.status() == 202) {
        assertThat(awaitOrder(response.header("Location")).path("status").asString())
            .as(email)
            .isEqualTo("PLACED");
      } else {
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api().get("/basket/" + user).status())
            .as(email + ": a refused checkout changes nothing")
            .isEqualTo(200);
      }
      outcomes.add(email + " -> " + response.status());
    }
    System.out.println("unusual addresses: " + outcomes);

    var dlqUrl = system.aws().queueUrl("OrderQueue-dlq");
    var dead = new ArrayList<String>();
    for (int i = 0; i < 5; i++) {
      system
          .aws()
          .sqs()
          .receiveMessage(
              request -> request.queueUrl(dlqUrl).maxNumberOfMessages(10).visibilityTimeout(0))
          .messages()
          .forEach(message -> dead.add(message.body()));
    }
    assertThat(dead).noneMatch(body -> users.stream().anyMatch(body::contains));
  }

  @Test
  void aDuplicatedDeliveryMakesOneOrder() {
    var user = user();
    var orderId = UUID.randomUUID().toString();
    var body = CheckoutEvents.eventBridgeMessage(user, orderId);
    var queueUrl = system.aws().queueUrl("OrderQueue");

    for (int i = 0; i < 5; i++) {
      system.aws().sqs().sendMessage(request -> request.queueUrl(queueUrl).messageBody(body));
    }

    awaitOrder("/order/" + user + "/" + orderId);
    // Give the other four copies time to be consumed by either instance before counting.
    await()
        .pollDelay(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(30))
        .until(() -> queueDepth("OrderQueue") == 0);
    assertThat(ordersOf(user)).isEqualTo(1);
  }

  @Test
  void aPoisonMessageEndsInTheDeadLetterQueueWhileOrdersStillFlow() {
    var marker = "poison-" + UUID.randomUUID();
    var queueUrl = system.aws().queueUrl("OrderQueue");
    system
        .aws()
        .sqs()
        .sendMessage(
            request ->
                request
                    .queueUrl(queueUrl)
                    .messageBody(
                        "{\"detail\":{\"eventType\":\"CheckoutBasket\",\"schemaVersion\":1,\"correlationId\":\""
                            + marker
                            + "\"}}"));
    var user = user();
    fill(user, product("Chair", "45.00"), "1");
    var accepted = checkout(user, "key-" + user);

    awaitOrder(accepted.header("Location"));
    var dlqUrl = system.aws().queueUrl("OrderQueue-dlq");
    var found = new ArrayList<String>();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              system
                  .aws()
                  .sqs()
                  .receiveMessage(
                      request ->
                          request.queueUrl(dlqUrl).maxNumberOfMessages(10).visibilityTimeout(0))
                  .messages()
                  .forEach(message -> found.add(message.body()));
              return found.stream().anyMatch(body -> body.contains(marker));
            });
  }

  @Test
  void killingAnOrderingInstanceMidStreamLosesAndDuplicatesNothing() throws Exception {
    var product = product("Headphones", "99.90");
    var users = new ArrayList<String>();
    for (int i = 0; i < 40; i++) {
      var user = user();
      fill(user, product, "1");
      users.add(user);
    }

    int accepted = 0;
    try {
      for (int i = 0; i < users.size(); i++) {
        if (i == 10) {
          system.kill(LocalSystem.ORDERING_2);
        }
        var response = checkout(users.get(i), "key-" + users.get(i));
        assertThat(response.status()).isEqualTo(202);
        accepted++;
      }
    } finally {
      system.restart(LocalSystem.ORDERING_2);
    }

    await()
        .atMost(ORDER_VISIBLE)
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> users.stream().allMatch(user -> ordersOf(user) >= 1));
    var orders = users.stream().mapToInt(CheckoutJourneyE2ETest::ordersOf).sum();
    System.out.printf("kill -9 test: %d checkouts accepted, %d orders placed%n", accepted, orders);
    assertThat(orders).isEqualTo(accepted).isEqualTo(users.size());
  }

  private static int queueDepth(String queue) {
    var url = system.aws().queueUrl(queue);
    var attributes =
        system
            .aws()
            .sqs()
            .getQueueAttributes(
                request ->
                    request
                        .queueUrl(url)
                        .attributeNamesWithStrings(
                            "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"))
            .attributesAsStrings();
    return Integer.parseInt(attributes.get("ApproximateNumberOfMessages"))
        + Integer.parseInt(attributes.get("ApproximateNumberOfMessagesNotVisible"));
  }
}
