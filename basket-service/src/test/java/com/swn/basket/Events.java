package com.swn.basket;

import static org.assertj.core.api.Assertions.assertThat;

import com.swn.contracts.EventContracts;
import com.swn.localaws.LocalAws;
import com.swn.testsupport.EventRecorder;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the tests look for events: one recorder per queue for the whole JVM, so none steals
 * another's.
 */
public final class Events {

  /** What the CheckoutBasketRule delivers, as the ordering service would receive it. */
  public static final EventRecorder ORDERS =
      new EventRecorder(LocalAws.shared().sqs(), LocalAws.shared().queueUrl("OrderQueue"));

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Events() {}

  /**
   * Publishes a product event to the bus as the product service does; the real rule routes it to
   * the basket.
   */
  public static void publishProductEvent(String eventType, String data) {
    var detail =
        """
        {"eventId":"%s","eventType":"%s","schemaVersion":1,"occurredAt":"%s","correlationId":"test-%s",
         "producer":"com.swn.product","data":%s}
        """
            .formatted(UUID.randomUUID(), eventType, Instant.now(), UUID.randomUUID(), data);
    assertThat(EventContracts.violations(JSON.readTree(detail)))
        .as("the test publishes valid events")
        .isEmpty();
    var response =
        LocalAws.shared()
            .eventBridge()
            .putEvents(
                r ->
                    r.entries(
                        e ->
                            e.eventBusName("SwnEventBus")
                                .source("com.swn.product")
                                .detailType(eventType)
                                .detail(detail)));
    assertThat(response.failedEntryCount()).isZero();
  }

  public static Predicate<JsonNode> checkoutOf(String userName) {
    return event ->
        "CheckoutBasket".equals(event.path("detail-type").asString())
            && userName.equals(event.path("detail").path("data").path("userName").asString());
  }

  public static long distinctEventIds(Iterable<JsonNode> events) {
    var ids = new HashSet<String>();
    events.forEach(event -> ids.add(event.path("detail").path("eventId").asString()));
    return ids.size();
  }

  /**
   * Waits until the basket's product-event queue and its repricing work queue have nothing left,
   * visible or in flight: a product change has then reached every basket it is going to reach.
   */
  public static void awaitProductEventsHandled() {
    var aws = LocalAws.shared();
    var urls =
        List.of(aws.queueUrl("BasketProductEventsQueue"), aws.queueUrl("BasketRepricingQueue"));
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> urls.stream().allMatch(url -> isEmpty(aws, url)));
  }

  private static boolean isEmpty(LocalAws aws, String queueUrl) {
    var attributes =
        aws.sqs()
            .getQueueAttributes(
                r ->
                    r.queueUrl(queueUrl)
                        .attributeNames(
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
            .attributes();
    return "0".equals(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
        && "0"
            .equals(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
  }
}
