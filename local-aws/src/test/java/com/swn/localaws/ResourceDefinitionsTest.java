package com.swn.localaws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.swn.localaws.ResourceDefinitions.DeadLetter;
import com.swn.localaws.ResourceDefinitions.GlobalSecondaryIndex;
import com.swn.localaws.ResourceDefinitions.KeyAttribute;
import com.swn.localaws.ResourceDefinitions.Queue;
import com.swn.localaws.ResourceDefinitions.Rule;
import com.swn.localaws.ResourceDefinitions.Table;
import com.swn.localaws.ResourceDefinitions.Target;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ResourceDefinitionsTest {

  private static final ResourceDefinitions BUNDLED = ResourceDefinitions.load();
  private static final KeyAttribute ID = new KeyAttribute("id", "S");

  @Test
  void definesTheEventBus() {
    assertThat(BUNDLED.eventBuses())
        .extracting(ResourceDefinitions.EventBus::name)
        .containsExactly("SwnEventBus");
  }

  @Test
  void definesEveryTableWithItsKeysIndexesAndTtl() {
    assertThat(BUNDLED.tables())
        .containsExactly(
            new Table(
                "product",
                ID,
                null,
                List.of(
                    new GlobalSecondaryIndex(
                        "category-index", new KeyAttribute("category", "S"), ID, "ALL")),
                null),
            new Table("product-outbox", ID, null, List.of(), null),
            new Table(
                "basket",
                new KeyAttribute("userName", "S"),
                new KeyAttribute("sk", "S"),
                List.of(
                    new GlobalSecondaryIndex(
                        "baskets-by-product",
                        new KeyAttribute("productId", "S"),
                        new KeyAttribute("userName", "S"),
                        "KEYS_ONLY")),
                "expiresAt"),
            new Table("basket-outbox", ID, null, List.of(), null),
            new Table(
                "basket-idempotency", new KeyAttribute("key", "S"), null, List.of(), "expiresAt"),
            new Table("basket-prices", new KeyAttribute("productId", "S"), null, List.of(), null),
            new Table(
                "order",
                new KeyAttribute("userName", "S"),
                new KeyAttribute("orderId", "S"),
                List.of(
                    new GlobalSecondaryIndex(
                        "orders-by-date",
                        new KeyAttribute("userName", "S"),
                        new KeyAttribute("orderDate", "S"),
                        "ALL")),
                null));
  }

  @Test
  void definesQueuesWithDeadLetterQueuesKeptFourteenDays() {
    assertThat(BUNDLED.queue("OrderQueue"))
        .get()
        .returns(30, Queue::visibilityTimeoutSeconds)
        .returns(new DeadLetter("OrderQueue-dlq", 20), Queue::deadLetter);
    assertThat(BUNDLED.queue("BasketProductEventsQueue"))
        .get()
        .returns(30, Queue::visibilityTimeoutSeconds)
        .returns(new DeadLetter("BasketProductEventsQueue-dlq", 5), Queue::deadLetter);
    assertThat(BUNDLED.queue("BasketRepricingQueue"))
        .get()
        .returns(30, Queue::visibilityTimeoutSeconds)
        .returns(new DeadLetter("BasketRepricingQueue-dlq", 5), Queue::deadLetter);
    assertThat(BUNDLED.queue("SwnEventBus-target-dlq")).get().returns(null, Queue::deadLetter);
    for (String dlq :
        List.of(
            "OrderQueue-dlq",
            "BasketProductEventsQueue-dlq",
            "BasketRepricingQueue-dlq",
            "SwnEventBus-target-dlq")) {
      assertThat(BUNDLED.queue(dlq))
          .as(dlq)
          .get()
          .returns(1_209_600, Queue::messageRetentionSeconds)
          .returns(null, Queue::deadLetter);
    }
    assertThat(BUNDLED.queues()).hasSize(7);
  }

  @Test
  void routesCheckoutsToTheOrderQueue() {
    Rule rule = BUNDLED.rule("CheckoutBasketRule").orElseThrow();
    assertThat(rule.eventBus()).isEqualTo("SwnEventBus");
    assertThat(rule.eventPattern())
        .isEqualTo(
            json(
                "{\"source\":[\"com.swn.basket.checkoutbasket\"],\"detail-type\":[\"CheckoutBasket\"]}"));
    assertThat(rule.targets())
        .containsExactly(
            new Target("OrderQueue", "OrderQueue", "SwnEventBus-target-dlq", 185, 86_400));
  }

  @Test
  void routesProductCreationsPriceChangesAndDeletionsToTheBasketQueue() {
    Rule rule = BUNDLED.rule("ProductEventsToBasketRule").orElseThrow();
    assertThat(rule.eventBus()).isEqualTo("SwnEventBus");
    assertThat(rule.eventPattern())
        .isEqualTo(
            json(
                "{\"source\":[\"com.swn.product\"],\"detail-type\":[\"ProductCreated\",\"ProductPriceChanged\",\"ProductDeleted\"]}"));
    assertThat(rule.targets())
        .containsExactly(
            new Target(
                "BasketProductEventsQueue",
                "BasketProductEventsQueue",
                "SwnEventBus-target-dlq",
                185,
                86_400));
  }

  @Test
  void everyRuleTargetNamesADefinedQueue() {
    Set<String> queues = BUNDLED.queues().stream().map(Queue::name).collect(Collectors.toSet());
    List<Target> targets = BUNDLED.rules().stream().flatMap(r -> r.targets().stream()).toList();
    assertThat(targets)
        .isNotEmpty()
        .allSatisfy(
            target -> {
              assertThat(queues).contains(target.queue());
              assertThat(queues).contains(target.deadLetterQueue());
            });
  }

  @Test
  void everyQueueDeadLetterQueueIsDefined() {
    Set<String> queues = BUNDLED.queues().stream().map(Queue::name).collect(Collectors.toSet());
    List<DeadLetter> deadLetters =
        BUNDLED.queues().stream().flatMap(q -> q.optionalDeadLetter().stream()).toList();
    assertThat(deadLetters).hasSize(3).allSatisfy(dl -> assertThat(queues).contains(dl.name()));
  }

  @Test
  void rejectsAnUnknownTopLevelField() {
    assertRejected("{\"tabels\": []}", "Unrecognized property \"tabels\"", "$.tabels");
  }

  @Test
  void rejectsAnUnknownNestedField() {
    assertRejected(
        """
        {"tables": [{"name": "t", "partitionKey": {"name": "id", "type": "S"},
                     "sortkey": {"name": "x", "type": "S"}}]}""",
        "Unrecognized property \"sortkey\"",
        "$.tables[0].sortkey");
  }

  @Test
  void rejectsATableWithoutName() {
    assertRejected(
        "{\"tables\": [{\"partitionKey\": {\"name\": \"id\", \"type\": \"S\"}}]}",
        "tables[].name is required");
  }

  @Test
  void rejectsAQueueWithoutName() {
    assertRejected(
        "{\"queues\": [{\"visibilityTimeoutSeconds\": 30, \"messageRetentionSeconds\": 60}]}",
        "queues[].name is required");
  }

  @Test
  void rejectsAQueueWithoutVisibilityTimeout() {
    assertRejected(
        "{\"queues\": [{\"name\": \"q\", \"messageRetentionSeconds\": 60}]}",
        "visibilityTimeoutSeconds");
  }

  @Test
  void rejectsAnUnknownKeyType() {
    assertRejected(
        "{\"tables\": [{\"name\": \"t\", \"partitionKey\": {\"name\": \"id\", \"type\": \"X\"}}]}",
        "type must be S, N or B");
  }

  @Test
  void rejectsAKeyAttributeUsedWithTwoTypes() {
    assertRejected(
        """
        {"tables": [{"name": "t", "partitionKey": {"name": "id", "type": "S"}, "globalSecondaryIndexes": [
          {"name": "i", "partitionKey": {"name": "id", "type": "N"}, "projection": "ALL"}]}]}""",
        "table t: attribute id has types S and N");
  }

  @Test
  void rejectsADeadLetterQueueThatIsNotDefined() {
    assertRejected(
        """
        {"queues": [{"name": "q", "visibilityTimeoutSeconds": 30, "messageRetentionSeconds": 60,
                     "deadLetter": {"name": "q-dlq", "maxReceiveCount": 5}}]}""",
        "queue q has undefined dead-letter queue q-dlq");
  }

  @Test
  void rejectsARuleTargetNamingAnUndefinedQueue() {
    assertRejected(
        """
        {"eventBuses": [{"name": "bus"}],
         "rules": [{"name": "r", "eventBus": "bus", "description": "d", "eventPattern": {"source": ["s"]},
                    "targets": [{"id": "t", "queue": "missing",
                                 "maximumRetryAttempts": 1, "maximumEventAgeSeconds": 60}]}]}""",
        "rule r target t names undefined queue missing");
  }

  @Test
  void rejectsARuleOnAnUndefinedBus() {
    assertRejected(
        """
        {"rules": [{"name": "r", "eventBus": "nobus", "description": "d", "eventPattern": {"source": ["s"]},
                    "targets": []}]}""",
        "rule r is on undefined event bus nobus");
  }

  @Test
  void rejectsAnEventPatternThatIsNotAnObject() {
    assertRejected(
        """
        {"eventBuses": [{"name": "bus"}],
         "rules": [{"name": "r", "eventBus": "bus", "description": "d", "eventPattern": "source", "targets": []}]}""",
        "rule r: eventPattern must be a non-empty JSON object");
  }

  @Test
  void rejectsDuplicateQueueNames() {
    assertRejected(
        """
        {"queues": [{"name": "q", "visibilityTimeoutSeconds": 30, "messageRetentionSeconds": 60},
                    {"name": "q", "visibilityTimeoutSeconds": 30, "messageRetentionSeconds": 60}]}""",
        "duplicate queue q");
  }

  private static void assertRejected(String json, String... expectedMessageParts) {
    var in = new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> ResourceDefinitions.read(in, "test.json"))
        .isInstanceOf(InvalidResourceDefinitionsException.class)
        .hasMessageStartingWith("test.json: ")
        .hasMessageContainingAll(expectedMessageParts);
  }

  private static tools.jackson.databind.JsonNode json(String text) {
    return JsonMapper.builder().build().readTree(text);
  }
}
