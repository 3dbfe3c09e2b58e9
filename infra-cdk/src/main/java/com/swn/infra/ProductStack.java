package com.swn.infra;

import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.constructs.Construct;

/**
 * The product catalogue: its table, its outbox table and its service. Publishes product events to
 * the bus.
 */
public final class ProductStack extends Stack {

  static final String CATEGORY_INDEX = "category-index";

  private final Table table;
  private final Table outboxTable;
  private final SpringBootFargateService service;

  public ProductStack(
      Construct scope, String id, StackProps props, InfraConfig config, SharedStack shared) {
    super(scope, id, props);
    this.table = ServiceTable.create(this, "ProductTable", config, "id", null, null);
    ServiceTable.addIndex(table, CATEGORY_INDEX, "category", "id", ProjectionType.ALL);
    this.outboxTable = ServiceTable.create(this, "ProductOutboxTable", config, "id", null, null);
    this.service =
        new SpringBootFargateService(
            this,
            "ProductService",
            config,
            shared,
            new SpringBootFargateService.Settings(
                "product-service",
                8081,
                "/product",
                10,
                config.product(),
                // HTTP drain (SHUTDOWN_TIMEOUT 20 s), then the outbox relay (10 s), plus margin.
                Duration.seconds(40),
                Map.of(
                    "PRODUCT_TABLE", table.getTableName(),
                    "PRODUCT_CATEGORY_INDEX", CATEGORY_INDEX,
                    "PRODUCT_OUTBOX_TABLE", outboxTable.getTableName(),
                    "EVENT_BUS_NAME", shared.eventBus().getEventBusName(),
                    "PLATFORM_EVENTS_SOURCE", EventSources.PRODUCT)));
    table.grantReadWriteData(service.taskRole());
    outboxTable.grantReadWriteData(service.taskRole());
    service.allowPublishing(shared.eventBus(), EventSources.PRODUCT);
    ApiScaling.apply(service, config.product(), config.scaling());
    Suppressions.serviceDefaults(service);
  }

  public Table table() {
    return table;
  }

  public Table outboxTable() {
    return outboxTable;
  }

  public SpringBootFargateService service() {
    return service;
  }
}
