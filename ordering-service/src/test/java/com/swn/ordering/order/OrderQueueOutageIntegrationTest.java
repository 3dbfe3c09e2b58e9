package com.swn.ordering.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.swn.ordering.CheckoutEvents;
import com.swn.ordering.IntegrationTestBase;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The order table is unreachable (it does not exist yet) for longer than the whole retry budget the
 * order queue used to have, then appears: the valid checkout waits, is placed exactly once, and
 * never reaches the dead-letter queue. The service runs against a twin of {@code OrderQueue} (same
 * visibility and redrive as its local definition) so that only this test's message sees the outage;
 * the back-off is 1 s per receive (see {@link IntegrationTestBase}).
 */
class OrderQueueOutageIntegrationTest extends IntegrationTestBase {

  /**
   * Receives the order queue allowed before this change: after them, a valid order was
   * dead-lettered.
   */
  private static final int OLD_RECEIVE_BUDGET = 5;

  private static final String SUFFIX = UUID.randomUUID().toString();
  private static final String TABLE = "order-outage-" + SUFFIX;
  private static final String QUEUE = "OrderQueue-outage-" + SUFFIX;
  private static final String DEAD_LETTER_QUEUE = QUEUE + "-dlq";
  private static final String QUEUE_URL;
  private static final String DEAD_LETTER_QUEUE_URL;

  static {
    var definition = AWS.resources().queue("OrderQueue").orElseThrow();
    var redrive = definition.optionalDeadLetter().orElseThrow();
    DEAD_LETTER_QUEUE_URL = AWS.sqs().createQueue(r -> r.queueName(DEAD_LETTER_QUEUE)).queueUrl();
    var deadLetterArn =
        AWS.sqs()
            .getQueueAttributes(
                r -> r.queueUrl(DEAD_LETTER_QUEUE_URL).attributeNames(QueueAttributeName.QUEUE_ARN))
            .attributes()
            .get(QueueAttributeName.QUEUE_ARN);
    QUEUE_URL =
        AWS.sqs()
            .createQueue(
                r ->
                    r.queueName(QUEUE)
                        .attributes(
                            Map.of(
                                QueueAttributeName.VISIBILITY_TIMEOUT,
                                String.valueOf(definition.visibilityTimeoutSeconds()),
                                QueueAttributeName.REDRIVE_POLICY,
                                "{\"deadLetterTargetArn\":\""
                                    + deadLetterArn
                                    + "\",\"maxReceiveCount\":"
                                    + redrive.maxReceiveCount()
                                    + "}")))
            .queueUrl();
  }

  @DynamicPropertySource
  static void outage(DynamicPropertyRegistry registry) {
    registry.add("ordering.table", () -> TABLE);
    registry.add("ordering.queue-name", () -> QUEUE);
    registry.add("ordering.dead-letter-queue-name", () -> DEAD_LETTER_QUEUE);
  }

  @Autowired MeterRegistry meters;

  private double failures() {
    return meters.counter("orders.placement.failures").count();
  }

  private static int messagesIn(String queueUrl) {
    var attributes =
        AWS.sqs()
            .getQueueAttributes(
                r ->
                    r.queueUrl(queueUrl)
                        .attributeNames(
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED))
            .attributes();
    return attributes.values().stream().mapToInt(Integer::parseInt).sum();
  }

  private static void createOrderTable() {
    AWS.dynamoDb()
        .createTable(
            r ->
                r.tableName(TABLE)
                    .keySchema(
                        k -> k.attributeName("userName").keyType(KeyType.HASH),
                        k -> k.attributeName("orderId").keyType(KeyType.RANGE))
                    .attributeDefinitions(
                        a -> a.attributeName("userName").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("orderId").attributeType(ScalarAttributeType.S))
                    .billingMode(BillingMode.PAY_PER_REQUEST));
    AWS.dynamoDb().waiter().waitUntilTableExists(r -> r.tableName(TABLE));
  }

  private static int ordersOf(String userName) {
    return AWS.dynamoDb()
        .query(
            r ->
                r.tableName(TABLE)
                    .consistentRead(true)
                    .keyConditionExpression("userName = :user")
                    .expressionAttributeValues(Map.of(":user", AttributeValue.fromS(userName)))
                    .select(Select.COUNT))
        .count();
  }

  @Test
  void aValidOrderWaitsOutAnOutageLongerThanTheOldRetryBudgetAndIsPlacedOnce() {
    var userName = "user-" + UUID.randomUUID();
    var orderId = UUID.randomUUID().toString();
    var failuresBefore = failures();

    AWS.sqs()
        .sendMessage(
            r ->
                r.queueUrl(QUEUE_URL)
                    .messageBody(
                        CheckoutEvents.eventBridgeEvent(
                            CheckoutEvents.detail(
                                orderId, userName, Instant.parse("2026-03-01T11:30:00Z")))));

    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () ->
                failures() - failuresBefore >= 2 * OLD_RECEIVE_BUDGET
                    || messagesIn(DEAD_LETTER_QUEUE_URL) > 0);
    int failedAttempts = (int) (failures() - failuresBefore);
    System.out.printf(
        "Order table unreachable: %d failed attempts so far (the old budget was %d receives)%n",
        failedAttempts, OLD_RECEIVE_BUDGET);
    assertThat(messagesIn(DEAD_LETTER_QUEUE_URL))
        .as("a valid order in the dead-letter queue during the outage")
        .isZero();
    assertThat(failedAttempts).isGreaterThan(OLD_RECEIVE_BUDGET);

    createOrderTable();

    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> ordersOf(userName) > 0);
    await().atMost(Duration.ofSeconds(30)).until(() -> messagesIn(QUEUE_URL) == 0);
    assertThat(ordersOf(userName)).as("exactly one order").isEqualTo(1);
    assertThat(http.get("/order/" + userName + "/" + orderId).status()).isEqualTo(200);
    assertThat(messagesIn(DEAD_LETTER_QUEUE_URL)).as("nothing dead-lettered").isZero();
  }
}
