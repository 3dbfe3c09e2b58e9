package com.swn.e2e;

import static com.swn.testsupport.EventRecorder.about;
import static org.assertj.core.api.Assertions.assertThat;

import com.swn.testsupport.HttpJson;
import java.util.HashSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A client's view of the product API: everything goes through the local gateway to the packaged
 * service, which talks to the emulator; events are observed where a subscriber would see them.
 */
class ProductThroughGatewayE2ETest {

  private static final String E2E_TRACE = "e2e0000000000000000000000000c4e8";

  private static HttpJson api;
  private static EventTap productEvents;

  @BeforeAll
  static void system() {
    var system = LocalSystem.shared();
    api = system.api();
    productEvents = EventTap.open(system.aws(), "com.swn.product");
  }

  @AfterAll
  static void closeTap() {
    productEvents.close();
  }

  private static String body(String name, String price, String category) {
    return """
        {"name":"%s","description":"%s for the e2e test","imageFile":"img.png","price":%s,"category":"%s"}
        """
        .formatted(name, name, price, category);
  }

  @Test
  void managesAProductThroughTheGateway() {
    var created =
        api.post(
            "/product",
            body("Phone", "699.99", "Phones"),
            "traceparent",
            "00-" + E2E_TRACE + "-00f067aa0ba902b7-01");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("X-Request-Id"))
        .as("the trace id the caller chose")
        .isEqualTo(E2E_TRACE);
    var id = created.json().path("id").asString();
    assertThat(created.header("Location")).isEqualTo("/product/" + id);

    var read = api.get("/product/" + id);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.header("ETag")).isEqualTo("\"1\"");
    assertThat(read.header("X-Request-Id"))
        .as("a new trace when the caller sends none")
        .matches("[0-9a-f]{32}")
        .isNotEqualTo(E2E_TRACE);

    var replaced =
        api.put(
            "/product/" + id, body("Phone", "649.99", "Phones"), "If-Match", read.header("ETag"));
    assertThat(replaced.status()).isEqualTo(200);
    assertThat(replaced.header("ETag")).isEqualTo("\"2\"");

    assertThat(api.delete("/product/" + id).status()).isEqualTo(204);
    assertThat(api.get("/product/" + id).status()).isEqualTo(404);
  }

  @Test
  void rejectsAStaleUpdateAndKeepsTheNewerVersion() {
    var id = api.post("/product", body("Tablet", "300", "Tablets")).json().path("id").asString();
    assertThat(
            api.put("/product/" + id, body("Tablet", "280", "Tablets"), "If-Match", "\"1\"")
                .status())
        .isEqualTo(200);

    var stale = api.put("/product/" + id, body("Tablet", "1", "Tablets"), "If-Match", "\"1\"");

    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.header("Content-Type")).startsWith("application/problem+json");
    assertThat(api.get("/product/" + id).json().path("price").decimalValue())
        .isEqualByComparingTo("280");
  }

  @Test
  void answersBadInputWithProblemDetailsAndStoresNothing() {
    var category = "invalid-" + UUID.randomUUID();
    var invalid = api.post("/product", body("", "-5", category));
    var unknownField =
        api.post(
            "/product",
            "{\"name\":\"x\",\"price\":1,\"category\":\"" + category + "\",\"cardInfo\":\"4111\"}");
    var malformed = api.post("/product", "{not json");

    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.header("Content-Type")).startsWith("application/problem+json");
    assertThat(invalid.json().path("errors").size()).isEqualTo(2);
    assertThat(unknownField.status()).isEqualTo(400);
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(invalid.body() + unknownField.body() + malformed.body())
        .doesNotContain("Exception", "at com.", "tools.jackson");
    assertThat(api.get("/product?category=" + category).json().path("items").size()).isZero();
  }

  @Test
  void pagesThroughACategory() {
    var category = "e2e-" + UUID.randomUUID();
    var ids = new HashSet<String>();
    for (int i = 1; i <= 5; i++) {
      ids.add(
          api.post("/product", body("Item " + i, i + ".50", category))
              .json()
              .path("id")
              .asString());
    }

    var seen = new HashSet<String>();
    @Nullable String token = null;
    do {
      var page =
          api.get(
                  "/product?category="
                      + category
                      + "&limit=2"
                      + (token == null ? "" : "&nextToken=" + token))
              .json();
      page.path("items").forEach(item -> seen.add(item.path("id").asString()));
      token = page.path("nextToken").isString() ? page.path("nextToken").asString() : null;
    } while (token != null);

    assertThat(seen).isEqualTo(ids);
  }

  @Test
  void publishesAPriceChangeToTheBusWithTheRequestsCorrelationId() {
    var id = api.post("/product", body("Watch", "199", "Watches")).json().path("id").asString();

    var changed = api.put("/product/" + id, body("Watch", "149", "Watches"), "If-Match", "\"1\"");

    var event = productEvents.recorder().await(about("ProductPriceChanged", id), 1).getFirst();
    assertThat(event.path("detail").path("correlationId").asString())
        .isEqualTo(changed.header("X-Request-Id"));
    assertThat(event.path("detail").path("data").path("newPrice").decimalValue())
        .isEqualByComparingTo("149");
  }

  @Test
  void routesEveryServiceAndAnswersUnknownRoutesWithAProblem() {
    assertThat(api.get("/product?limit=1").status()).isEqualTo(200);
    assertThat(api.get("/basket/nobody").status()).isEqualTo(404);
    assertThat(api.get("/basket/nobody").header("Content-Type"))
        .startsWith("application/problem+json");
    assertThat(api.get("/order/nobody").status()).isEqualTo(200);
    var noOrder = api.get("/order/nobody/" + UUID.randomUUID());
    assertThat(noOrder.status()).isEqualTo(404);
    assertThat(noOrder.header("Content-Type")).startsWith("application/problem+json");
    var unknown = api.get("/nowhere");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
  }
}
