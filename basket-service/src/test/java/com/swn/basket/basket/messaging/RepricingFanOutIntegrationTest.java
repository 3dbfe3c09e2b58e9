package com.swn.basket.basket.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;

import com.swn.basket.Events;
import com.swn.basket.IntegrationTest;
import com.swn.localaws.ResourceDefinitions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * One price change of a product that hundreds of baskets hold, with the basket service's queues at
 * a visibility timeout of two seconds and every basket read slowed to 50 ms, so that repricing all
 * the baskets takes many times the visibility timeout (at least 16 s of reads alone). The work must
 * be spread over messages: the product event's own message is acknowledged within 10 s, far less
 * than the 16 s one message doing all the work would hold it (meanwhile, in production, another
 * instance receives it again after the visibility timeout, and again, until the redrive policy
 * dead-letters it; the bound leaves room for a loaded machine). Every basket ends at the new price,
 * and no dead-letter queue of the service holds anything.
 */
class RepricingFanOutIntegrationTest extends IntegrationTest {

  private static final int BASKETS = 320;
  private static final int SHORT_VISIBILITY_SECONDS = 2;
  private static final int SLOW_READ_MILLIS = 50;

  /**
   * The queues the basket service consumes, and their dead-letter queues, from the one local
   * definition.
   */
  private static List<ResourceDefinitions.Queue> consumedQueues() {
    return AWS.resources().queues().stream()
        .filter(queue -> queue.name().startsWith("Basket") && queue.deadLetter() != null)
        .toList();
  }

  private static void visibility(ResourceDefinitions.Queue queue, int seconds) {
    AWS.sqs()
        .setQueueAttributes(
            r ->
                r.queueUrl(AWS.queueUrl(queue.name()))
                    .attributes(
                        Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, String.valueOf(seconds))));
  }

  private static int messagesIn(String queue) {
    return AWS
        .sqs()
        .getQueueAttributes(
            r ->
                r.queueUrl(AWS.queueUrl(queue))
                    .attributeNames(
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
        .attributes()
        .values()
        .stream()
        .mapToInt(Integer::parseInt)
        .sum();
  }

  /**
   * Setup only: the emulator now and then answers 500 to concurrent transactions, so a failed PUT
   * is repeated.
   */
  private int createBasket(String user, String productId) {
    int status = 0;
    for (int attempt = 0; attempt < 3 && status != 201; attempt++) {
      status =
          http.put(
                  "/basket/" + user,
                  "{\"items\":[{\"productId\":\"" + productId + "\",\"quantity\":1}]}")
              .status();
    }
    return status;
  }

  @AfterEach
  void restoreVisibility() {
    consumedQueues().forEach(queue -> visibility(queue, queue.visibilityTimeoutSeconds()));
  }

  @Test
  void repricesEveryBasketOfAWidelyHeldProductWithoutDeadLetters() throws Exception {
    var lamp = CATALOGUE.add("Lamp", "10.00");
    var users = new ArrayList<String>();
    try (var clients = Executors.newFixedThreadPool(2)) {
      var puts = new ArrayList<Callable<Integer>>();
      for (int i = 0; i < BASKETS; i++) {
        var user = "fan-out-" + i + "-" + UUID.randomUUID();
        users.add(user);
        puts.add(() -> createBasket(user, lamp));
      }
      for (var put : clients.invokeAll(puts)) {
        assertThat(put.get()).isEqualTo(201);
      }
    }
    var deadLettersBefore = new HashSet<Integer>();
    consumedQueues().forEach(queue -> deadLettersBefore.add(messagesIn(queue.deadLetter().name())));
    assertThat(deadLettersBefore)
        .as("the service's dead-letter queues start empty")
        .containsOnly(0);
    consumedQueues().forEach(queue -> visibility(queue, SHORT_VISIBILITY_SECONDS));
    doAnswer(
            invocation -> {
              Thread.sleep(SLOW_READ_MILLIS);
              return invocation.callRealMethod();
            })
        .when(baskets)
        .find(anyString());

    var detail =
        """
        {"eventId":"%s","eventType":"ProductPriceChanged","schemaVersion":1,"occurredAt":"%s","correlationId":"fan-out-%s",
         "producer":"com.swn.product","data":{"productId":"%s","name":"Lamp v2","oldPrice":10.00,"newPrice":12.50,"version":2}}
        """
            .formatted(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), lamp);
    assertThat(
            AWS.eventBridge()
                .putEvents(
                    r ->
                        r.entries(
                            e ->
                                e.eventBusName("SwnEventBus")
                                    .source("com.swn.product")
                                    .detailType("ProductPriceChanged")
                                    .detail(detail)))
                .failedEntryCount())
        .isZero();

    var published = Instant.now();
    await(
            "the product event's message acknowledged before one message could have done all the work")
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> messagesIn("BasketProductEventsQueue") == 0);
    System.out.printf(
        "Product event for %d baskets acknowledged after %d ms (visibility timeout %d s)%n",
        BASKETS, Duration.between(published, Instant.now()).toMillis(), SHORT_VISIBILITY_SECONDS);

    var remaining = new HashSet<>(users);
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              remaining.removeIf(
                  user ->
                      http.get("/basket/" + user)
                              .json()
                              .path("totalPrice")
                              .decimalValue()
                              .compareTo(new java.math.BigDecimal("12.50"))
                          == 0);
              return remaining.isEmpty()
                  || consumedQueues().stream()
                      .anyMatch(queue -> messagesIn(queue.deadLetter().name()) > 0);
            });
    Events.awaitProductEventsHandled();
    for (var queue : consumedQueues()) {
      assertThat(messagesIn(queue.deadLetter().name())).as(queue.deadLetter().name()).isZero();
    }
    assertThat(remaining).as("baskets left at the old price").isEmpty();
  }
}
