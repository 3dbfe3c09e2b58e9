package com.swn.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.constructs.Construct;

/**
 * Orders: the order table, the queue of checkouts with its DLQ, the rule that feeds it, and the
 * service, which is mainly a queue worker and so scales on backlog per task.
 */
public final class OrderingStack extends Stack {

  static final String DATE_INDEX = "orders-by-date";

  /**
   * Receives of a checkout before the queue dead-letters it. Only transient failures use them (the
   * service dead-letters poison itself, at the first receive): with the service's back-off (5 s ×
   * 2, at most 120 s) twenty receives outlast an outage of about 30 minutes. {@code resources.json}
   * holds the same number.
   */
  static final int MAX_RECEIVES = 20;

  static final List<String> ORDER_TABLE_ACTIONS =
      List.of(
          "dynamodb:DescribeTable",
          "dynamodb:GetItem",
          "dynamodb:PutItem",
          "dynamodb:UpdateItem",
          "dynamodb:Query",
          "dynamodb:Scan");

  private final Table table;
  private final QueueWithDeadLetter orders;
  private final Rule checkoutRule;
  private final SpringBootFargateService service;
  private final BacklogPerTaskScaling scaling;

  public OrderingStack(
      Construct scope, String id, StackProps props, InfraConfig config, SharedStack shared) {
    super(scope, id, props);
    this.table = ServiceTable.create(this, "OrderTable", config, "userName", "orderId", null);
    ServiceTable.addIndex(table, DATE_INDEX, "userName", "orderDate", ProjectionType.ALL);
    this.orders =
        new QueueWithDeadLetter(
            this,
            "OrderQueue",
            QueueWithDeadLetter.Settings.standard().withMaxReceiveCount(MAX_RECEIVES),
            config.removalPolicy());
    this.checkoutRule =
        ConsumerRule.create(
            this,
            "CheckoutBasketRule",
            shared,
            "Basket checkouts go to the ordering service",
            EventPattern.builder()
                .source(List.of(EventSources.CHECKOUT))
                .detailType(List.of("CheckoutBasket"))
                .build(),
            orders.queue());
    this.service =
        new SpringBootFargateService(
            this,
            "OrderingService",
            config,
            shared,
            new SpringBootFargateService.Settings(
                "ordering-service",
                8083,
                "/order",
                30,
                config.ordering(),
                // Listener drain 15 s + acknowledgements 15 s + HTTP drain 20 s, plus margin.
                Duration.seconds(60),
                Map.of(
                    "ORDER_TABLE", table.getTableName(),
                    "ORDER_DATE_INDEX", DATE_INDEX,
                    "ORDER_QUEUE", orders.queue().getQueueUrl(),
                    "ORDER_DEAD_LETTER_QUEUE", orders.deadLetterQueue().getQueueUrl())));
    // What OrderRepository and the readiness probe call, and nothing else (no deletes, batches or
    // streams).
    table.grant(service.taskRole(), ORDER_TABLE_ACTIONS.toArray(String[]::new));
    orders.queue().grantConsumeMessages(service.taskRole());
    // Poison messages are dead-lettered by the service itself.
    orders.deadLetterQueue().grantSendMessages(service.taskRole());
    this.scaling =
        new BacklogPerTaskScaling(
            this,
            "BacklogScaling",
            service,
            shared.cluster(),
            orders.queue(),
            config.ordering(),
            config.scaling().backlogPerTask());
    Suppressions.serviceDefaults(service);
  }

  public Table table() {
    return table;
  }

  public QueueWithDeadLetter orders() {
    return orders;
  }

  public Rule checkoutRule() {
    return checkoutRule;
  }

  public SpringBootFargateService service() {
    return service;
  }

  public BacklogPerTaskScaling scaling() {
    return scaling;
  }
}
