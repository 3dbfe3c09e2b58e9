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
 * Baskets: the basket, outbox, idempotency and price tables, the queue of product events with its
 * DLQ, the rule that feeds it, the service's own repricing work queue with its DLQ, and the
 * service. Publishes checkouts to the bus; reads prices from the product service.
 */
public final class BasketStack extends Stack {

  static final String PRODUCT_INDEX = "baskets-by-product";

  private final Table table;
  private final Table outboxTable;
  private final Table idempotencyTable;
  private final Table priceTable;
  private final QueueWithDeadLetter productEvents;
  private final QueueWithDeadLetter repricing;
  private final Rule productEventsRule;
  private final SpringBootFargateService service;

  public BasketStack(
      Construct scope, String id, StackProps props, InfraConfig config, SharedStack shared) {
    super(scope, id, props);
    this.table = ServiceTable.create(this, "BasketTable", config, "userName", "sk", "expiresAt");
    ServiceTable.addIndex(table, PRODUCT_INDEX, "productId", "userName", ProjectionType.KEYS_ONLY);
    this.outboxTable = ServiceTable.create(this, "BasketOutboxTable", config, "id", null, null);
    this.idempotencyTable =
        ServiceTable.create(this, "BasketIdempotencyTable", config, "key", null, "expiresAt");
    // The service's view of the catalogue's names and prices, kept by the product events.
    this.priceTable =
        ServiceTable.create(this, "BasketPriceTable", config, "productId", null, null);
    this.productEvents =
        new QueueWithDeadLetter(
            this,
            "BasketProductEventsQueue",
            QueueWithDeadLetter.Settings.standard(),
            config.removalPolicy());
    // The service's own work queue: a product change fans out into one message per basket.
    this.repricing =
        new QueueWithDeadLetter(
            this,
            "BasketRepricingQueue",
            QueueWithDeadLetter.Settings.standard(),
            config.removalPolicy());
    this.productEventsRule =
        ConsumerRule.create(
            this,
            "ProductEventsToBasketRule",
            shared,
            "Product creations, price changes and deletions go to the basket service",
            EventPattern.builder()
                .source(List.of(EventSources.PRODUCT))
                .detailType(List.of("ProductCreated", "ProductPriceChanged", "ProductDeleted"))
                .build(),
            productEvents.queue());
    this.service =
        new SpringBootFargateService(
            this,
            "BasketService",
            config,
            shared,
            new SpringBootFargateService.Settings(
                "basket-service",
                8082,
                "/basket",
                20,
                config.basket(),
                // SQS listener drain (20 s) and its acknowledgements (20 s), the Spring Cloud AWS
                // defaults;
                // HTTP drain (SHUTDOWN_TIMEOUT 20 s); the outbox relay (10 s); plus margin.
                Duration.seconds(80),
                Map.of(
                    "BASKET_TABLE", table.getTableName(),
                    "BASKET_PRODUCT_INDEX", PRODUCT_INDEX,
                    "BASKET_OUTBOX_TABLE", outboxTable.getTableName(),
                    "BASKET_IDEMPOTENCY_TABLE", idempotencyTable.getTableName(),
                    "BASKET_PRICE_TABLE", priceTable.getTableName(),
                    "BASKET_PRODUCT_EVENTS_QUEUE", productEvents.queue().getQueueUrl(),
                    "BASKET_REPRICING_QUEUE", repricing.queue().getQueueUrl(),
                    "PRODUCT_SERVICE_URL", shared.internalUrl(),
                    "EVENT_BUS_NAME", shared.eventBus().getEventBusName(),
                    "CHECKOUT_EVENT_SOURCE", EventSources.CHECKOUT)));
    table.grantReadWriteData(service.taskRole());
    outboxTable.grantReadWriteData(service.taskRole());
    idempotencyTable.grantReadWriteData(service.taskRole());
    priceTable.grantReadWriteData(service.taskRole());
    productEvents.queue().grantConsumeMessages(service.taskRole());
    repricing.queue().grantConsumeMessages(service.taskRole());
    repricing.queue().grantSendMessages(service.taskRole());
    service.allowPublishing(shared.eventBus(), EventSources.CHECKOUT);
    service.allowCallsThroughLoadBalancer();
    ApiScaling.apply(service, config.basket(), config.scaling());
    Suppressions.serviceDefaults(service);
  }

  public Table table() {
    return table;
  }

  public Table outboxTable() {
    return outboxTable;
  }

  public Table idempotencyTable() {
    return idempotencyTable;
  }

  public Table priceTable() {
    return priceTable;
  }

  public QueueWithDeadLetter productEvents() {
    return productEvents;
  }

  public QueueWithDeadLetter repricing() {
    return repricing;
  }

  public Rule productEventsRule() {
    return productEventsRule;
  }

  public SpringBootFargateService service() {
    return service;
  }
}
