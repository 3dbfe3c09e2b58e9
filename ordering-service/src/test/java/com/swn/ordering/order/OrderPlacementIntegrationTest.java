package com.swn.ordering.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.swn.contracts.EventContracts;
import com.swn.ordering.CheckoutEvents;
import com.swn.ordering.IntegrationTestBase;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checkouts become orders: published to the real bus (routed by the real rule to the real queue) or
 * sent to the queue directly, against moto. Every test uses its own user, as the emulator is
 * shared.
 */
class OrderPlacementIntegrationTest extends IntegrationTestBase {

  private static final String ORDER_QUEUE = AWS.queueUrl("OrderQueue");
  private static final String DEAD_LETTER_QUEUE = AWS.queueUrl("OrderQueue-dlq");
  private static final Instant CHECKED_OUT = Instant.parse("2026-03-01T11:30:00Z");

  @Autowired MeterRegistry meters;

  private static String newUser() {
    return "user-" + UUID.randomUUID();
  }

  private static String newOrderId() {
    return UUID.randomUUID().toString();
  }

  private static void publish(ObjectNode detail) {
    assertThat(EventContracts.violations(detail))
        .as("the test event conforms to the contract")
        .isEmpty();
    var response =
        AWS.eventBridge()
            .putEvents(
                request ->
                    request.entries(
                        entry ->
                            entry
                                .eventBusName("SwnEventBus")
                                .source(CheckoutEvents.SOURCE)
                                .detailType(CheckoutEvents.DETAIL_TYPE)
                                .detail(detail.toString())));
    assertThat(response.failedEntryCount()).isZero();
  }

  private static void sendToQueue(String body) {
    AWS.sqs().sendMessage(request -> request.queueUrl(ORDER_QUEUE).messageBody(body));
  }

  private JsonNode awaitOrder(String userName, String orderId) {
    var path = "/order/" + userName + "/" + orderId;
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> http.get(path).status() == 200);
    return http.get(path).json();
  }

  private double counter(String name) {
    return meters.counter(name).count();
  }

  private static boolean orderQueueIsEmpty() {
    var attributes =
        AWS.sqs()
            .getQueueAttributes(
                request ->
                    request
                        .queueUrl(ORDER_QUEUE)
                        .attributeNames(
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
            .attributes();
    return attributes.values().stream().allMatch("0"::equals);
  }

  @Test
  void placesAnOrderFromACheckoutPublishedToTheBus() {
    var userName = newUser();
    var orderId = newOrderId();

    publish(CheckoutEvents.detail(orderId, userName, CHECKED_OUT));

    var order = awaitOrder(userName, orderId);
    assertThat(order.path("status").asString()).isEqualTo("PLACED");
    assertThat(order.path("userName").asString()).isEqualTo(userName);
    assertThat(order.path("orderDate").asString()).isEqualTo("2026-03-01T11:30:00Z");
    assertThat(order.path("totalPrice").decimalValue()).isEqualByComparingTo(CheckoutEvents.TOTAL);
    assertThat(order.path("items")).hasSize(2);
    assertThat(order.path("items").path(0).path("lineTotal").decimalValue())
        .isEqualByComparingTo("39.80");
    assertThat(order.path("customer").path("lastName").asString()).isEqualTo("Lovelace");
    assertThat(order.path("paymentMethod").asString()).isEqualTo("CARD");
    assertThat(order.path("version").asLong()).isEqualTo(1);
  }

  @Test
  void storesTheComputedTotalWhenTheDeclaredOneDiffers() {
    var userName = newUser();
    var orderId = newOrderId();
    var detail = CheckoutEvents.detail(orderId, userName, CHECKED_OUT);
    ((ObjectNode) detail.path("data")).put("totalPrice", new BigDecimal("50.00"));
    var mismatchesBefore = counter("orders.total.mismatches");

    sendToQueue(CheckoutEvents.eventBridgeEvent(detail));

    assertThat(awaitOrder(userName, orderId).path("totalPrice").decimalValue())
        .isEqualByComparingTo(CheckoutEvents.TOTAL);
    assertThat(counter("orders.total.mismatches")).isEqualTo(mismatchesBefore + 1);
  }

  @Test
  void placesExactlyOneOrderHoweverOftenTheCheckoutIsDelivered() {
    var userName = newUser();
    var orderId = newOrderId();
    var detail = CheckoutEvents.detail(orderId, userName, CHECKED_OUT);
    var republished =
        CheckoutEvents.detail(orderId, userName, CHECKED_OUT); // same order, new eventId
    var placedBefore = counter("orders.placed");
    var duplicatesBefore = counter("orders.duplicates");

    publish(detail);
    publish(detail);
    sendToQueue(CheckoutEvents.eventBridgeEvent(detail));
    sendToQueue(CheckoutEvents.eventBridgeEvent(detail));
    sendToQueue(CheckoutEvents.eventBridgeEvent(republished));

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> counter("orders.duplicates") >= duplicatesBefore + 4 && orderQueueIsEmpty());
    var orders = http.get("/order/" + userName).json().path("items");
    assertThat(orders).hasSize(1);
    assertThat(orders.path(0).path("orderId").asString()).isEqualTo(orderId);
    assertThat(orders.path(0).path("version").asLong()).isEqualTo(1);
    assertThat(counter("orders.placed")).isEqualTo(placedBefore + 1);
  }

  @Test
  void aLateRedeliveryDoesNotOverwriteACancelledOrder() {
    var userName = newUser();
    var orderId = newOrderId();
    var body =
        CheckoutEvents.eventBridgeEvent(CheckoutEvents.detail(orderId, userName, CHECKED_OUT));
    sendToQueue(body);
    awaitOrder(userName, orderId);
    assertThat(http.post("/order/" + userName + "/" + orderId + "/cancel", "").status())
        .isEqualTo(200);
    var duplicatesBefore = counter("orders.duplicates");

    sendToQueue(body);

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> counter("orders.duplicates") > duplicatesBefore);
    var order = http.get("/order/" + userName + "/" + orderId).json();
    assertThat(order.path("status").asString()).isEqualTo("CANCELLED");
    assertThat(order.path("version").asLong()).isEqualTo(2);
  }

  @Test
  void deadLettersAPoisonMessageAndKeepsConsuming() {
    var marker = UUID.randomUUID().toString();
    var userName = newUser();
    var orderId = newOrderId();

    sendToQueue(
        "{\"marker\":\""
            + marker
            + "\",\"detail\":{\"eventType\":\"CheckoutBasket\",\"schemaVersion\":1}}");
    sendToQueue(
        CheckoutEvents.eventBridgeEvent(CheckoutEvents.detail(orderId, userName, CHECKED_OUT)));

    assertThat(awaitOrder(userName, orderId).path("status").asString()).isEqualTo("PLACED");
    var deadLettered = new ArrayList<Message>();
    // Promptly: at its first receive, not after the queue's redrive (20 receives, 1 s apart here).
    await()
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              for (var message :
                  AWS.sqs()
                      .receiveMessage(
                          request ->
                              request
                                  .queueUrl(DEAD_LETTER_QUEUE)
                                  .maxNumberOfMessages(10)
                                  .messageAttributeNames("All"))
                      .messages()) {
                deadLettered.add(message);
                AWS.sqs()
                    .deleteMessage(
                        request ->
                            request
                                .queueUrl(DEAD_LETTER_QUEUE)
                                .receiptHandle(message.receiptHandle()));
              }
              return deadLettered.stream().anyMatch(message -> message.body().contains(marker));
            });
    var poison =
        deadLettered.stream()
            .filter(message -> message.body().contains(marker))
            .findFirst()
            .orElseThrow();
    assertThat(poison.messageAttributes().get("rejectionReason").stringValue())
        .as("why, without the message's values")
        .contains("not a valid CheckoutBasket v1 event")
        .doesNotContain(marker);
  }

  @Test
  void listsAUsersOrdersNewestFirstAcrossPages() {
    var userName = newUser();
    var oldest = newOrderId();
    var middle = newOrderId();
    var newest = newOrderId();
    sendToQueue(
        CheckoutEvents.eventBridgeEvent(
            CheckoutEvents.detail(middle, userName, CHECKED_OUT.plusSeconds(3600))));
    sendToQueue(
        CheckoutEvents.eventBridgeEvent(
            CheckoutEvents.detail(newest, userName, CHECKED_OUT.plusSeconds(7200))));
    sendToQueue(
        CheckoutEvents.eventBridgeEvent(CheckoutEvents.detail(oldest, userName, CHECKED_OUT)));
    List.of(oldest, middle, newest).forEach(orderId -> awaitOrder(userName, orderId));

    var first = http.get("/order/" + userName + "?limit=2");
    assertThat(first.status()).isEqualTo(200);
    assertThat(orderIds(first.json())).containsExactly(newest, middle);
    var token = first.json().path("nextToken").asString();
    assertThat(token).isNotBlank();

    var second = http.get("/order/" + userName + "?limit=2&nextToken=" + token).json();
    assertThat(orderIds(second)).containsExactly(oldest);
    assertThat(second.path("nextToken").isString()).isFalse();

    var foreign = http.get("/order/" + newUser() + "?limit=2&nextToken=" + token);
    assertThat(foreign.status()).isEqualTo(400);
    assertThat(foreign.json().path("title").asString()).isEqualTo("Invalid page token");
  }

  @Test
  void pagesThroughAllOrders() {
    var userName = newUser();
    var mine = List.of(newOrderId(), newOrderId(), newOrderId());
    mine.forEach(
        orderId ->
            sendToQueue(
                CheckoutEvents.eventBridgeEvent(
                    CheckoutEvents.detail(orderId, userName, CHECKED_OUT))));
    mine.forEach(orderId -> awaitOrder(userName, orderId));

    var seen = new HashSet<String>();
    @Nullable String token = null;
    int pages = 0;
    do {
      var page = http.get("/order?limit=2" + (token == null ? "" : "&nextToken=" + token));
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.json().path("items").size()).isLessThanOrEqualTo(2);
      orderIds(page.json())
          .forEach(orderId -> assertThat(seen.add(orderId)).as("no order twice").isTrue());
      token =
          page.json().path("nextToken").isString()
              ? page.json().path("nextToken").asString()
              : null;
      pages++;
    } while (token != null && pages < 500);

    assertThat(token).as("the last page has no next token").isNull();
    assertThat(seen).containsAll(mine);
    assertThat(pages).isGreaterThanOrEqualTo(2);
  }

  @Test
  void cancelsAPlacedOrderOnceAndRefusesASecondCancel() {
    var userName = newUser();
    var orderId = newOrderId();
    sendToQueue(
        CheckoutEvents.eventBridgeEvent(CheckoutEvents.detail(orderId, userName, CHECKED_OUT)));
    awaitOrder(userName, orderId);
    var path = "/order/" + userName + "/" + orderId;

    var cancelled = http.post(path + "/cancel", "");
    assertThat(cancelled.status()).isEqualTo(200);
    assertThat(cancelled.json().path("status").asString()).isEqualTo("CANCELLED");
    assertThat(cancelled.json().path("version").asLong()).isEqualTo(2);

    var again = http.post(path + "/cancel", "");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.header("Content-Type")).startsWith("application/problem+json");
    assertThat(again.json().path("currentStatus").asString()).isEqualTo("CANCELLED");
    assertThat(http.get(path).json().path("version").asLong()).isEqualTo(2);
    assertThat(http.post("/order/" + userName + "/" + newOrderId() + "/cancel", "").status())
        .isEqualTo(404);
  }

  private static List<String> orderIds(JsonNode page) {
    var ids = new ArrayList<String>();
    page.path("items").forEach(item -> ids.add(item.path("orderId").asString()));
    return ids;
  }
}
