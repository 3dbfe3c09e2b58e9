package com.swn.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.swn.testsupport.HttpJson;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * One trace from the click to the order: a checkout's request, its publish through the outbox and
 * EventBridge, and the order placement off SQS (with its DynamoDB write) share the trace id that
 * the caller's {@code traceparent} started and {@code X-Request-Id} answered; a repricing continues
 * the trace of the product update that caused it. Seen as a tracing backend sees it (the spans the
 * services export over OTLP) and as an operator does (the trace id in the structured logs).
 */
class TracingE2ETest {

  private static final Duration EXPORTED = Duration.ofSeconds(60);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static LocalSystem system;
  private static HttpJson api;

  @BeforeAll
  static void system() {
    system = LocalSystem.shared();
    api = system.api();
  }

  private static String newTraceId() {
    var bytes = new byte[16];
    ThreadLocalRandom.current().nextBytes(bytes);
    bytes[0] |= 1; // never the invalid all-zero id
    return HexFormat.of().formatHex(bytes);
  }

  private static String traceparent(String traceId) {
    return "00-" + traceId + "-00f067aa0ba902b7-01";
  }

  /** A new user with a new product in the basket, and the trace id the test will start. */
  private record Journey(String productId, String user, String traceId) {

    static Journey withBasketOf(String product, String price, String quantity) {
      var productId = CheckoutJourneyE2ETest.product(product, price);
      var user = "trace-" + UUID.randomUUID().toString().substring(0, 8);
      CheckoutJourneyE2ETest.fill(user, productId, quantity);
      return new Journey(productId, user, newTraceId());
    }
  }

  /** Waits until the spans exported for {@code traceId} pass {@code assertions}. */
  private static void awaitTrace(
      String traceId, Consumer<List<OtlpReceiver.ReceivedSpan>> assertions) {
    await()
        .atMost(EXPORTED)
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(() -> assertions.accept(system.traces().trace(traceId)));
  }

  @Test
  void aCheckoutItsPublishAndItsOrderPlacementAreOneTrace() {
    var journey = Journey.withBasketOf("Phone", "19.99", "1");
    var user = journey.user();
    var traceId = journey.traceId();

    var accepted =
        api.post(
            "/basket/checkout",
            """
            {"userName":"%s","firstName":"Ada","lastName":"Lovelace","email":"ada@example.com","address":"1 Engine Road","paymentMethod":"CARD"}
            """
                .formatted(user),
            "Idempotency-Key",
            "key-" + user,
            "traceparent",
            traceparent(traceId));

    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    assertThat(accepted.header("X-Request-Id"))
        .as("the request id is the trace id")
        .isEqualTo(traceId);
    CheckoutJourneyE2ETest.awaitOrder(accepted.header("Location"));
    awaitTrace(
        traceId,
        spans -> {
          assertThat(spans).as("the request at the gateway").anyMatch(in("gateway", name -> true));
          assertThat(spans)
              .as("the request in the basket")
              .anyMatch(in("basket-service", name -> name.startsWith("http post")));
          assertThat(spans)
              .as("the relay's publish")
              .anyMatch(in("basket-service", "outbox publish"::equals));
          assertThat(spans)
              .as("its PutEvents call")
              .anyMatch(in("basket-service", "EventBridge.PutEvents"::equals));
          var placement =
              spans.stream()
                  .filter(in("ordering-service", "process CheckoutBasket"::equals))
                  .findFirst();
          assertThat(placement).as("the order placement off the queue").isPresent();
          assertThat(spans)
              .as("the placement's DynamoDB write, inside the placement")
              .anyMatch(
                  span ->
                      span.service().equals("ordering-service")
                          && span.name().startsWith("DynamoDb.")
                          && span.parentSpanId().equals(placement.get().spanId()));
        });
    System.out.println("The checkout's trace:\n" + tree(system.traces().trace(traceId)));
    assertThat(logged(LocalSystem.BASKET, traceId))
        .as("basket log lines of the checkout")
        .anyMatch(line -> line.contains("Checkout accepted"));
    assertThat(
            concat(
                logged(LocalSystem.ORDERING_1, traceId), logged(LocalSystem.ORDERING_2, traceId)))
        .as("ordering log lines of the placement")
        .anyMatch(line -> line.contains("Order placed"));
  }

  @Test
  void aRepricingContinuesTheTraceOfTheProductUpdateThatCausedIt() {
    var journey = Journey.withBasketOf("Lamp", "10.00", "2");
    var lamp = journey.productId();
    var user = journey.user();
    var traceId = journey.traceId();

    var changed =
        api.put(
            "/product/" + lamp,
            """
            {"name":"Lamp","description":"for checkout","imageFile":"x.png","price":12.00,"category":"Checkout"}
            """,
            "If-Match",
            "\"1\"",
            "traceparent",
            traceparent(traceId));

    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.header("X-Request-Id")).isEqualTo(traceId);
    awaitTrace(
        traceId,
        spans -> {
          assertThat(spans)
              .as("the update")
              .anyMatch(in("product-service", name -> name.startsWith("http put")));
          assertThat(spans)
              .as("its publish")
              .anyMatch(in("product-service", "outbox publish"::equals));
          assertThat(spans)
              .as("the product event in the basket")
              .anyMatch(in("basket-service", "process ProductPriceChanged"::equals));
          assertThat(spans)
              .as("the basket's repricing step")
              .anyMatch(in("basket-service", "process RepricingTask"::equals));
        });
    assertThat(api.get("/basket/" + user).json().path("totalPrice").decimalValue())
        .isEqualByComparingTo("24.00");
  }

  /**
   * The trace as an indented tree of "service: span", children under their parent (the docs show
   * one).
   */
  private static String tree(List<OtlpReceiver.ReceivedSpan> spans) {
    var ids =
        spans.stream()
            .map(OtlpReceiver.ReceivedSpan::spanId)
            .collect(java.util.stream.Collectors.toSet());
    var out = new StringBuilder();
    spans.stream()
        .filter(span -> !ids.contains(span.parentSpanId()))
        .forEach(root -> branch(root, spans, 0, out));
    return out.toString();
  }

  private static void branch(
      OtlpReceiver.ReceivedSpan span,
      List<OtlpReceiver.ReceivedSpan> spans,
      int depth,
      StringBuilder out) {
    out.append("  ".repeat(depth))
        .append(span.service())
        .append(": ")
        .append(span.name())
        .append('\n');
    spans.stream()
        .filter(child -> child.parentSpanId().equals(span.spanId()))
        .forEach(child -> branch(child, spans, depth + 1, out));
  }

  private static Predicate<OtlpReceiver.ReceivedSpan> in(String service, Predicate<String> name) {
    return span -> span.service().equals(service) && name.test(span.name());
  }

  /** The service's log lines whose trace id is {@code traceId} (parsed, not matched as text). */
  private static List<String> logged(String service, String traceId) {
    return system.logLines(service).stream()
        .filter(line -> line.startsWith("{") && line.contains(traceId))
        .filter(line -> traceId.equals(JSON.readTree(line).path("traceId").asString()))
        .toList();
  }

  private static List<String> concat(List<String> first, List<String> second) {
    return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
  }
}
