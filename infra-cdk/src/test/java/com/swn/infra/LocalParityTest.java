package com.swn.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.swn.localaws.ResourceDefinitions;
import com.swn.localaws.ResourceDefinitions.GlobalSecondaryIndex;
import com.swn.localaws.ResourceDefinitions.KeyAttribute;
import com.swn.localaws.ResourceDefinitions.Queue;
import com.swn.localaws.ResourceDefinitions.Rule;
import com.swn.localaws.ResourceDefinitions.Table;
import com.swn.localaws.ResourceDefinitions.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.constructs.IConstruct;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local resource definitions ({@code local-aws/.../resources.json}, what every local run and
 * test uses) and the CDK definitions describe the same system. AWS names are generated, so each
 * local resource is mapped to the construct that plays its role, and the test fails for a local
 * resource without one.
 */
class LocalParityTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final SynthesizedApp app = SynthesizedApp.development();
  private final SwnShop shop = app.shop();
  private final ResourceDefinitions local = ResourceDefinitions.load();

  private Map<String, IConstruct> tables() {
    return Map.of(
        "product", shop.product().table(),
        "product-outbox", shop.product().outboxTable(),
        "basket", shop.basket().table(),
        "basket-outbox", shop.basket().outboxTable(),
        "basket-idempotency", shop.basket().idempotencyTable(),
        "basket-prices", shop.basket().priceTable(),
        "order", shop.ordering().table());
  }

  private Map<String, IConstruct> queues() {
    return Map.of(
        "OrderQueue", shop.ordering().orders().queue(),
        "OrderQueue-dlq", shop.ordering().orders().deadLetterQueue(),
        "BasketProductEventsQueue", shop.basket().productEvents().queue(),
        "BasketProductEventsQueue-dlq", shop.basket().productEvents().deadLetterQueue(),
        "BasketRepricingQueue", shop.basket().repricing().queue(),
        "BasketRepricingQueue-dlq", shop.basket().repricing().deadLetterQueue(),
        "SwnEventBus-target-dlq", shop.shared().eventTargetDeadLetterQueue());
  }

  private Map<String, IConstruct> rules() {
    return Map.of(
        "CheckoutBasketRule", shop.ordering().checkoutRule(),
        "ProductEventsToBasketRule", shop.basket().productEventsRule());
  }

  @Test
  void definesEveryLocalResourceAndNoOther() {
    assertThat(tables().keySet())
        .containsExactlyInAnyOrderElementsOf(local.tables().stream().map(Table::name).toList());
    assertThat(queues().keySet())
        .containsExactlyInAnyOrderElementsOf(local.queues().stream().map(Queue::name).toList());
    assertThat(rules().keySet())
        .containsExactlyInAnyOrderElementsOf(local.rules().stream().map(Rule::name).toList());
    assertThat(local.eventBuses()).hasSize(1);
    for (Stack stack : app.templates().keySet()) {
      int tables = app.template(stack).findResources("AWS::DynamoDB::Table").size();
      int expected = (int) tables().values().stream().filter(t -> Stack.of(t) == stack).count();
      assertThat(tables).as("tables in %s", stack.getStackName()).isEqualTo(expected);
    }
  }

  @Test
  void agreesOnTableKeysIndexesAndTtl() {
    for (Table table : local.tables()) {
      Map<String, Object> cdk = app.properties(tables().get(table.name()));
      assertThat(keySchema(cdk.get("KeySchema")))
          .as(table.name())
          .isEqualTo(keySchema(table.partitionKey(), table.sortKey()));
      assertThat(attributeTypes(cdk))
          .as(table.name() + " attribute types")
          .isEqualTo(localAttributeTypes(table));
      List<Map<String, Object>> indexes =
          list(cdk.getOrDefault("GlobalSecondaryIndexes", List.of()));
      assertThat(indexes)
          .as(table.name() + " indexes")
          .hasSameSizeAs(table.globalSecondaryIndexes());
      for (GlobalSecondaryIndex index : table.globalSecondaryIndexes()) {
        Map<String, Object> cdkIndex =
            indexes.stream()
                .filter(i -> i.get("IndexName").equals(index.name()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(table.name() + ": no index " + index.name()));
        assertThat(keySchema(cdkIndex.get("KeySchema")))
            .as(index.name())
            .isEqualTo(keySchema(index.partitionKey(), index.sortKey()));
        assertThat(map(cdkIndex.get("Projection")).get("ProjectionType"))
            .as(index.name())
            .isEqualTo(index.projection());
      }
      Object ttl = cdk.get("TimeToLiveSpecification");
      if (table.ttlAttribute() == null) {
        assertThat(ttl).as(table.name() + " TTL").isNull();
      } else {
        assertThat(ttl)
            .as(table.name() + " TTL")
            .isEqualTo(Map.of("AttributeName", table.ttlAttribute(), "Enabled", true));
      }
    }
  }

  @Test
  void agreesOnQueueTimingsAndRedrive() {
    for (Queue queue : local.queues()) {
      Map<String, Object> cdk = app.properties(queues().get(queue.name()));
      assertThat(number(cdk.get("VisibilityTimeout")))
          .as(queue.name())
          .isEqualTo(queue.visibilityTimeoutSeconds());
      assertThat(number(cdk.get("MessageRetentionPeriod")))
          .as(queue.name())
          .isEqualTo(queue.messageRetentionSeconds());
      if (queue.deadLetter() == null) {
        assertThat(cdk.get("RedrivePolicy")).as(queue.name()).isNull();
      } else {
        Map<String, Object> redrive = map(cdk.get("RedrivePolicy"));
        assertThat(number(redrive.get("maxReceiveCount")))
            .as(queue.name())
            .isEqualTo(queue.deadLetter().maxReceiveCount());
        assertThat(redrive.get("deadLetterTargetArn"))
            .as(queue.name())
            .isEqualTo(arn(queues().get(queue.deadLetter().name())));
      }
    }
  }

  @Test
  void agreesOnRulesTheirPatternsTargetsRetriesAndDeadLetters() {
    for (Rule rule : local.rules()) {
      IConstruct cdkRule = rules().get(rule.name());
      Map<String, Object> cdk = app.properties(cdkRule);
      JsonNode pattern = JSON.valueToTree(cdk.get("EventPattern"));
      assertThat(pattern).as(rule.name()).isEqualTo(rule.eventPattern());
      assertThat(cdk.get("Description")).as(rule.name()).isEqualTo(rule.description());
      assertThat(resolveImport(cdk.get("EventBusName")))
          .as(rule.name() + " bus")
          .isEqualTo(Map.of("Ref", SynthesizedApp.logicalId(shop.shared().eventBus())));
      List<Map<String, Object>> targets = list(cdk.get("Targets"));
      assertThat(targets).as(rule.name()).hasSameSizeAs(rule.targets());
      for (int i = 0; i < targets.size(); i++) {
        Target expected = rule.targets().get(i);
        Map<String, Object> target = targets.get(i);
        assertThat(target.get("Arn"))
            .as(expected.id())
            .isEqualTo(arn(queues().get(expected.queue())));
        assertThat(resolveImport(map(target.get("DeadLetterConfig")).get("Arn")))
            .as(expected.id() + " dead letters")
            .isEqualTo(arn(queues().get(Objects.requireNonNull(expected.deadLetterQueue()))));
        Map<String, Object> retry = map(target.get("RetryPolicy"));
        assertThat(number(retry.get("MaximumRetryAttempts")))
            .isEqualTo(expected.maximumRetryAttempts());
        assertThat(number(retry.get("MaximumEventAgeInSeconds")))
            .isEqualTo(expected.maximumEventAgeSeconds());
      }
    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  /** Follows an {@code Fn::ImportValue} to the value the shared stack exports under that name. */
  private Object resolveImport(Object value) {
    if (!(value instanceof Map<?, ?> reference) || !reference.containsKey("Fn::ImportValue")) {
      return value;
    }
    Object name = reference.get("Fn::ImportValue");
    Map<String, Object> outputs = map(app.template(shop.shared()).toJSON().get("Outputs"));
    return outputs.values().stream()
        .map(LocalParityTest::map)
        .filter(
            output ->
                output.get("Export") != null && map(output.get("Export")).get("Name").equals(name))
        .map(output -> output.get("Value"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no export " + name));
  }

  private static Map<String, String> keySchema(Object cdkKeySchema) {
    Map<String, String> keys = new LinkedHashMap<>();
    for (Map<String, Object> key : list(cdkKeySchema)) {
      keys.put((String) key.get("KeyType"), (String) key.get("AttributeName"));
    }
    return keys;
  }

  private static Map<String, String> keySchema(KeyAttribute partitionKey, KeyAttribute sortKey) {
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("HASH", partitionKey.name());
    if (sortKey != null) {
      keys.put("RANGE", sortKey.name());
    }
    return keys;
  }

  private static Map<String, String> attributeTypes(Map<String, Object> cdkTable) {
    Map<String, String> types = new java.util.TreeMap<>();
    for (Map<String, Object> attribute : list(cdkTable.get("AttributeDefinitions"))) {
      types.put((String) attribute.get("AttributeName"), (String) attribute.get("AttributeType"));
    }
    return types;
  }

  private static Map<String, String> localAttributeTypes(Table table) {
    Map<String, String> types = new java.util.TreeMap<>();
    table.keyAttributes().forEach(key -> types.put(key.name(), key.type()));
    return types;
  }

  private static Map<String, Object> arn(IConstruct construct) {
    return Map.of("Fn::GetAtt", List.of(SynthesizedApp.logicalId(construct), "Arn"));
  }

  private static int number(Object value) {
    return ((Number) value).intValue();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    return new ArrayList<>((List<Map<String, Object>>) value);
  }
}
