package com.swn.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.constructs.IConstruct;

/**
 * Each service gets the generated names of its resources as environment variables and exactly the
 * permissions it needs, through grants (no wildcard actions anywhere).
 */
class ServiceAccessTest {

  private static final Set<String> TABLE_READ_WRITE =
      Set.of(
          "dynamodb:BatchGetItem",
          "dynamodb:BatchWriteItem",
          "dynamodb:ConditionCheckItem",
          "dynamodb:DeleteItem",
          "dynamodb:DescribeTable",
          "dynamodb:GetItem",
          "dynamodb:GetRecords",
          "dynamodb:GetShardIterator",
          "dynamodb:PutItem",
          "dynamodb:Query",
          "dynamodb:Scan",
          "dynamodb:UpdateItem");

  /**
   * What the ordering service calls on its table (OrderRepository, readiness): no deletes, batches,
   * streams.
   */
  private static final Set<String> ORDER_TABLE =
      Set.of(
          "dynamodb:DescribeTable",
          "dynamodb:GetItem",
          "dynamodb:PutItem",
          "dynamodb:Query",
          "dynamodb:Scan",
          "dynamodb:UpdateItem");

  private static final Set<String> QUEUE_CONSUME =
      Set.of(
          "sqs:ChangeMessageVisibility",
          "sqs:DeleteMessage",
          "sqs:GetQueueAttributes",
          "sqs:GetQueueUrl",
          "sqs:ReceiveMessage");

  /**
   * Every service exports its metrics to CloudWatch (a statement of its own, see {@link
   * #metricStatements}).
   */
  /**
   * What every task may do without a resource: put metrics (in its namespace) and, for its
   * collector, traces.
   */
  private static final Set<String> METRICS =
      Set.of("cloudwatch:PutMetricData", "xray:PutTraceSegments", "xray:PutTelemetryRecords");

  private final SynthesizedApp app = SynthesizedApp.development();
  private final SwnShop shop = app.shop();

  @Test
  void passesTheProductServiceItsGeneratedNames() {
    assertThat(environment(shop.product().service()))
        .containsEntry("PRODUCT_TABLE", ref(shop.product().table()))
        .containsEntry("PRODUCT_CATEGORY_INDEX", "category-index")
        .containsEntry("PRODUCT_OUTBOX_TABLE", ref(shop.product().outboxTable()))
        .containsKey("EVENT_BUS_NAME")
        .containsEntry("PLATFORM_EVENTS_SOURCE", "com.swn.product")
        .containsEntry("LOG_FORMAT", "ecs")
        .containsEntry("SERVER_PORT", "8081");
  }

  @Test
  void passesTheBasketServiceItsGeneratedNamesAndTheInternalCatalogueUrl() {
    assertThat(environment(shop.basket().service()))
        .containsEntry("BASKET_TABLE", ref(shop.basket().table()))
        .containsEntry("BASKET_PRODUCT_INDEX", "baskets-by-product")
        .containsEntry("BASKET_OUTBOX_TABLE", ref(shop.basket().outboxTable()))
        .containsEntry("BASKET_IDEMPOTENCY_TABLE", ref(shop.basket().idempotencyTable()))
        .containsEntry("BASKET_PRICE_TABLE", ref(shop.basket().priceTable()))
        .containsEntry("BASKET_PRODUCT_EVENTS_QUEUE", ref(shop.basket().productEvents().queue()))
        .containsEntry("BASKET_REPRICING_QUEUE", ref(shop.basket().repricing().queue()))
        .containsKey("EVENT_BUS_NAME")
        .containsEntry("CHECKOUT_EVENT_SOURCE", "com.swn.basket.checkoutbasket")
        .hasEntrySatisfying(
            "PRODUCT_SERVICE_URL",
            url -> assertThat(url.toString()).contains("http://", "LoadBalancer"));
  }

  @Test
  void passesTheOrderingServiceItsTableIndexAndQueueUrl() {
    assertThat(environment(shop.ordering().service()))
        .containsEntry("ORDER_TABLE", ref(shop.ordering().table()))
        .containsEntry("ORDER_DATE_INDEX", "orders-by-date")
        .containsEntry("ORDER_QUEUE", ref(shop.ordering().orders().queue()))
        .containsEntry("ORDER_DEAD_LETTER_QUEUE", ref(shop.ordering().orders().deadLetterQueue()))
        .doesNotContainKey("EVENT_BUS_NAME");
  }

  @Test
  void letsTheProductServiceUseItsTablesAndPublishOnly() {
    List<Map<String, Object>> statements = taskRoleStatements(shop.product().service());
    assertThat(actions(statements))
        .isEqualTo(union(union(TABLE_READ_WRITE, Set.of("events:PutEvents")), METRICS));
    assertThat(resources(withoutMetrics(statements)))
        .contains(arn(shop.product().table()), arn(shop.product().outboxTable()))
        .noneMatch(resource -> resource.equals("*"));
  }

  @Test
  void letsTheBasketServiceUseItsTablesConsumeItsQueueAndPublish() {
    List<Map<String, Object>> statements = taskRoleStatements(shop.basket().service());
    assertThat(actions(statements))
        .isEqualTo(
            union(
                union(
                    union(TABLE_READ_WRITE, QUEUE_CONSUME),
                    Set.of("events:PutEvents", "sqs:SendMessage")),
                METRICS));
    assertThat(resources(withoutMetrics(statements)))
        .contains(
            arn(shop.basket().table()),
            arn(shop.basket().outboxTable()),
            arn(shop.basket().idempotencyTable()),
            arn(shop.basket().priceTable()),
            arn(shop.basket().productEvents().queue()),
            arn(shop.basket().repricing().queue()))
        .noneMatch(resource -> resource.equals("*"));
    assertThat(
            statements.stream()
                .filter(s -> actionsOf(s).contains("sqs:SendMessage"))
                .flatMap(s -> resourcesOf(s).stream())
                .toList())
        .as("it sends only to its own work queue")
        .containsExactly(arn(shop.basket().repricing().queue()));
  }

  @Test
  void letsTheOrderingServiceUseItsTableConsumeItsQueueAndDeadLetterPoisonOnly() {
    List<Map<String, Object>> statements = taskRoleStatements(shop.ordering().service());
    assertThat(actions(statements))
        .isEqualTo(
            union(union(union(ORDER_TABLE, QUEUE_CONSUME), METRICS), Set.of("sqs:SendMessage")));
    assertThat(
            statements.stream()
                .filter(s -> actionsOf(s).contains("sqs:SendMessage"))
                .flatMap(s -> resourcesOf(s).stream())
                .toList())
        .containsExactly(arn(shop.ordering().orders().deadLetterQueue()));
    List<String> queueResources =
        statements.stream()
            .filter(s -> actionsOf(s).contains("sqs:ReceiveMessage"))
            .flatMap(s -> resourcesOf(s).stream())
            .toList();
    assertThat(queueResources).containsExactly(arn(shop.ordering().orders().queue()));
  }

  @Test
  void letsEveryServicePutMetricsIntoTheSystemsNamespaceOnly() {
    for (var service :
        List.of(shop.product().service(), shop.basket().service(), shop.ordering().service())) {
      var metrics = metricStatements(taskRoleStatements(service));
      assertThat(metrics).as(service.getNode().getPath()).hasSize(1);
      assertThat(actionsOf(metrics.getFirst())).containsExactly("cloudwatch:PutMetricData");
      assertThat(metrics.getFirst().get("Condition"))
          .isEqualTo(Map.of("StringEquals", Map.of("cloudwatch:namespace", "SwnShop/dev")));
      assertThat(environment(service))
          .containsEntry("MANAGEMENT_CLOUDWATCH_METRICS_EXPORT_NAMESPACE", "SwnShop/dev");
    }
  }

  @Test
  void letsEachPublisherPutEventsOfItsOwnSourceOnly() {
    assertThat(putEventsConditions(shop.product().service()))
        .containsExactly(Map.of("StringEquals", Map.of("events:source", "com.swn.product")));
    assertThat(putEventsConditions(shop.basket().service()))
        .containsExactly(
            Map.of("StringEquals", Map.of("events:source", "com.swn.basket.checkoutbasket")));
  }

  @Test
  void grantsNoWildcardActionAnywhere() {
    for (Stack stack : app.templates().keySet()) {
      for (Map<String, Object> policy : policies(stack)) {
        assertThat(actions(statementsOf(policy)))
            .as(stack.getStackName())
            .noneMatch(action -> action.contains("*"));
      }
    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  /**
   * The conditions of every task-role statement that allows PutEvents (none may be unconditional).
   */
  private List<Object> putEventsConditions(SpringBootFargateService service) {
    return taskRoleStatements(service).stream()
        .filter(s -> actionsOf(s).contains("events:PutEvents"))
        .map(s -> s.getOrDefault("Condition", "none"))
        .toList();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> environment(SpringBootFargateService service) {
    Map<String, Object> task = app.properties(service.taskDefinition());
    Map<String, Object> container =
        ((List<Map<String, Object>>) task.get("ContainerDefinitions")).getFirst();
    Map<String, Object> environment = new java.util.HashMap<>();
    for (Map<String, Object> variable : (List<Map<String, Object>>) container.get("Environment")) {
      environment.put((String) variable.get("Name"), variable.get("Value"));
    }
    return environment;
  }

  private List<Map<String, Object>> taskRoleStatements(SpringBootFargateService service) {
    String role = SynthesizedApp.logicalId(service.taskRole());
    List<Map<String, Object>> statements = new ArrayList<>();
    for (Map<String, Object> policy : policies(Stack.of(service))) {
      if (((List<?>) policy.get("Roles")).contains(Map.of("Ref", role))) {
        statements.addAll(statementsOf(policy));
      }
    }
    assertThat(statements).isNotEmpty().allMatch(s -> s.get("Effect").equals("Allow"));
    return statements;
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> policies(Stack stack) {
    return app.resources(stack).values().stream()
        .filter(r -> r.get("Type").equals("AWS::IAM::Policy"))
        .map(r -> (Map<String, Object>) r.get("Properties"))
        .toList();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> statementsOf(Map<String, Object> policy) {
    return (List<Map<String, Object>>)
        ((Map<String, Object>) policy.get("PolicyDocument")).get("Statement");
  }

  private static Set<String> actions(List<Map<String, Object>> statements) {
    Set<String> actions = new TreeSet<>();
    statements.forEach(s -> actions.addAll(actionsOf(s)));
    return actions;
  }

  private static List<String> actionsOf(Map<String, Object> statement) {
    Object action = statement.get("Action");
    return action instanceof Collection<?> list
        ? list.stream().map(Object::toString).toList()
        : List.of(action.toString());
  }

  private static Set<String> resources(List<Map<String, Object>> statements) {
    Set<String> resources = new TreeSet<>();
    statements.forEach(s -> resources.addAll(resourcesOf(s)));
    return resources;
  }

  private static List<String> resourcesOf(Map<String, Object> statement) {
    Object resource = statement.get("Resource");
    return resource instanceof List<?> list
        ? list.stream().map(Object::toString).toList()
        : List.of(resource.toString());
  }

  /**
   * The statements that grant PutMetricData: the only action without resource-level permissions.
   */
  private static List<Map<String, Object>> metricStatements(List<Map<String, Object>> statements) {
    return statements.stream()
        .filter(s -> actionsOf(s).contains("cloudwatch:PutMetricData"))
        .toList();
  }

  private static List<Map<String, Object>> withoutMetrics(List<Map<String, Object>> statements) {
    return statements.stream()
        .filter(s -> actionsOf(s).stream().noneMatch(METRICS::contains))
        .toList();
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> union = new TreeSet<>(a);
    union.addAll(b);
    return union;
  }

  private static Map<String, String> ref(IConstruct construct) {
    return Map.of("Ref", SynthesizedApp.logicalId(construct));
  }

  private static String arn(IConstruct construct) {
    return Map.of("Fn::GetAtt", List.of(SynthesizedApp.logicalId(construct), "Arn")).toString();
  }
}
