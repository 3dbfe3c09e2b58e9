package com.swn.product.catalog;

import static com.swn.testsupport.EventRecorder.about;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.swn.contracts.EventContracts;
import com.swn.localaws.LocalAws;
import com.swn.testsupport.EventRecorder;
import com.swn.testsupport.HttpJson;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The product API against a real DynamoDB and EventBridge emulator, over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProductApiIntegrationTest {

  private static final LocalAws AWS = LocalAws.shared();
  private static final EventRecorder EVENTS =
      new EventRecorder(AWS.sqs(), AWS.queueUrl("BasketProductEventsQueue"));

  @DynamicPropertySource
  static void aws(DynamicPropertyRegistry registry) {
    AWS.springProperties().forEach((key, value) -> registry.add(key, () -> value));
  }

  @LocalServerPort int port;
  HttpJson http;

  @BeforeEach
  void client() {
    http =
        new HttpJson("http://localhost:" + port, com.swn.testsupport.TestIssuer.shared().owners());
  }

  private static String product(String name, String price, String category) {
    return """
        {"name":"%s","description":"A %s","imageFile":"%s.png","price":%s,"category":"%s"}
        """
        .formatted(name, name, name.toLowerCase().replace(" ", "-"), price, category);
  }

  private String create(String price, String category) {
    var created = http.post("/product", product("Lamp", price, category));
    assertThat(created.status()).isEqualTo(201);
    return created.json().path("id").asString();
  }

  @Test
  void createsReadsReplacesAndDeletesAProduct() {
    var created = http.post("/product", product("Lamp", "19.9", "Home"));
    assertThat(created.status()).isEqualTo(201);
    var id = created.json().path("id").asString();
    assertThat(created.header("Location")).isEqualTo("/product/" + id);

    var read = http.get("/product/" + id);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.header("ETag")).isEqualTo("\"1\"");
    assertThat(read.json().path("price").decimalValue()).isEqualByComparingTo("19.90");

    var replaced =
        http.put("/product/" + id, product("Desk lamp", "24.5", "Office"), "If-Match", "\"1\"");
    assertThat(replaced.status()).isEqualTo(200);
    assertThat(replaced.json().path("version").asLong()).isEqualTo(2);
    assertThat(http.get("/product/" + id).json().path("name").asString()).isEqualTo("Desk lamp");

    assertThat(http.delete("/product/" + id).status()).isEqualTo(204);
    assertThat(http.get("/product/" + id).status()).isEqualTo(404);
    assertThat(http.delete("/product/" + id).status()).isEqualTo(404);
  }

  @Test
  void staleReplaceIsRejectedAndChangesNothing() {
    var id = create("10", "Stale");
    assertThat(
            http.put("/product/" + id, product("Lamp", "11", "Stale"), "If-Match", "\"1\"")
                .status())
        .isEqualTo(200);

    var stale = http.put("/product/" + id, product("Lamp", "99", "Stale"), "If-Match", "\"1\"");

    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.header("Content-Type")).startsWith("application/problem+json");
    var current = http.get("/product/" + id).json();
    assertThat(current.path("price").decimalValue()).isEqualByComparingTo("11");
    assertThat(current.path("version").asLong()).isEqualTo(2);
    var priceEvents = EVENTS.await(about("ProductPriceChanged", id), 1);
    assertThat(priceEvents)
        .allSatisfy(
            event ->
                assertThat(event.path("detail").path("data").path("newPrice").decimalValue())
                    .isEqualByComparingTo("11"));
  }

  @Test
  void replaceOfAMissingProductIsNotAnUpsert() {
    var id = UUID.randomUUID().toString();

    assertThat(
            http.put("/product/" + id, product("Lamp", "5", "Home"), "If-Match", "\"1\"").status())
        .isEqualTo(404);
    assertThat(http.get("/product/" + id).status()).isEqualTo(404);
  }

  @Test
  void pagesThroughACategoryWithOpaqueTokensServedByTheIndex() {
    var category = "cat-" + UUID.randomUUID();
    var ids = new HashSet<String>();
    for (int i = 0; i < 5; i++) {
      ids.add(create("1" + i, category));
    }
    create("3", "other-" + category);

    var seen = new HashSet<String>();
    @Nullable String token = null;
    int pages = 0;
    do {
      var page =
          http.get(
              "/product?category="
                  + category
                  + "&limit=2"
                  + (token == null ? "" : "&nextToken=" + token));
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.json().path("items").size()).isLessThanOrEqualTo(2);
      page.json()
          .path("items")
          .forEach(
              item -> {
                assertThat(item.path("category").asString()).isEqualTo(category);
                assertThat(seen.add(item.path("id").asString())).as("no product twice").isTrue();
              });
      token =
          page.json().path("nextToken").isString()
              ? page.json().path("nextToken").asString()
              : null;
      pages++;
    } while (token != null && pages < 10);

    assertThat(seen).isEqualTo(ids);
    assertThat(pages).isGreaterThanOrEqualTo(3);
  }

  @Test
  void rejectsATamperedPageToken() {
    var response = http.get("/product?limit=1&nextToken=bm90LWEtdG9rZW4");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("title").asString()).isEqualTo("Invalid page token");
  }

  @Test
  void publishesPriceChangesAndDeletionsInAVersionedEnvelope() {
    var id = create("10", "Events");

    var traceId = java.util.UUID.randomUUID().toString().replace("-", "");
    var changed =
        http.put(
            "/product/" + id,
            product("Lamp", "12.5", "Events"),
            "If-Match",
            "\"1\"",
            "traceparent",
            "00-" + traceId + "-00f067aa0ba902b7-01");
    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.header("X-Request-Id"))
        .as("the request id is the trace id")
        .isEqualTo(traceId);
    assertThat(http.delete("/product/" + id).status()).isEqualTo(204);

    var priceChanged = EVENTS.await(about("ProductPriceChanged", id), 1).getFirst();
    assertThat(priceChanged.path("source").asString()).isEqualTo("com.swn.product");
    var envelope = priceChanged.path("detail");
    assertThat(envelope.path("eventId").asString()).isNotBlank();
    assertThat(envelope.path("eventType").asString()).isEqualTo("ProductPriceChanged");
    assertThat(envelope.path("schemaVersion").asInt()).isEqualTo(1);
    assertThat(envelope.path("correlationId").asString()).isEqualTo(traceId);
    assertThat(envelope.path("traceparent").asString())
        .as("the consumers continue the request's trace")
        .startsWith("00-" + traceId + "-");
    assertThat(envelope.path("occurredAt").asString()).isNotBlank();
    assertThat(envelope.path("data").path("oldPrice").decimalValue()).isEqualByComparingTo("10");
    assertThat(envelope.path("data").path("newPrice").decimalValue()).isEqualByComparingTo("12.5");
    assertThat(envelope.path("data").path("version").asLong()).isEqualTo(2);

    var deleted = EVENTS.await(about("ProductDeleted", id), 1).getFirst();
    assertThat(deleted.path("detail").path("data").path("version").asLong()).isEqualTo(2);
    assertThat(EventContracts.violations(envelope))
        .as("ProductPriceChanged matches its published schema")
        .isEmpty();
    assertThat(EventContracts.violations(deleted.path("detail")))
        .as("ProductDeleted matches its published schema")
        .isEmpty();
  }

  @Test
  void aChangeOfNeitherNameNorPriceSendsNoPriceEvent() {
    var id = create("10", "Quiet");
    assertThat(
            http.put("/product/" + id, product("Lamp", "10.00", "Calm"), "If-Match", "\"1\"")
                .status())
        .isEqualTo(200);
    assertThat(http.delete("/product/" + id).status()).isEqualTo(204);

    EVENTS.await(about("ProductDeleted", id), 1);
    assertThat(EVENTS.seen(about("ProductPriceChanged", id))).isEmpty();
  }

  @Test
  void aRenameAtTheSamePriceSendsAPriceEvent() {
    // Baskets show the name next to the price: the basket's view of the catalogue follows both.
    var id = create("10", "Renamed");
    assertThat(
            http.put(
                    "/product/" + id, product("Desk lamp", "10.00", "Renamed"), "If-Match", "\"1\"")
                .status())
        .isEqualTo(200);

    var event = EVENTS.await(about("ProductPriceChanged", id), 1).getFirst().path("detail");
    assertThat(event.path("data").path("name").asString()).isEqualTo("Desk lamp");
    assertThat(event.path("data").path("oldPrice").decimalValue()).isEqualByComparingTo("10");
    assertThat(event.path("data").path("newPrice").decimalValue()).isEqualByComparingTo("10");
    assertThat(event.path("data").path("version").asLong()).isEqualTo(2);
  }

  @Test
  void leavesTheOutboxEmptyOnceEventsArePublished() {
    var id = create("10", "Outbox");
    http.delete("/product/" + id);
    EVENTS.await(about("ProductDeleted", id), 1);

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(AWS.dynamoDb().scan(r -> r.tableName("product-outbox")).items())
                    .isEmpty());
  }

  @Test
  void isReadyOnlyWithItsTablesAndServesItsOpenApi() {
    var readiness = http.get("/actuator/health/readiness");
    assertThat(readiness.status()).isEqualTo(200);
    assertThat(readiness.json().path("status").asString()).isEqualTo("UP");

    var openApi = http.get("/v3/api-docs");
    assertThat(openApi.status()).isEqualTo(200);
    assertThat(openApi.json().path("paths").has("/product/{id}")).isTrue();
  }

  @Test
  void ifMatchStarMatchesAnyVersionAndAListMatchesIfAnyMemberDoes() {
    var id = create("10", "IfMatch");
    var body = product("Lamp", "11", "IfMatch");

    assertThat(http.put("/product/" + id, body, "If-Match", "*").status()).isEqualTo(200);
    assertThat(http.put("/product/" + id, body, "If-Match", "\"7\", W/\"2\"").status())
        .isEqualTo(200);
    var stale = http.put("/product/" + id, body, "If-Match", "\"1\", \"2\"");
    assertThat(stale.status()).isEqualTo(412);
    assertThat(http.get("/product/" + id).json().path("version").asLong()).isEqualTo(3);
    assertThat(http.delete("/product/" + id, "If-Match", "*").status()).isEqualTo(204);
    assertThat(http.put("/product/" + id, body, "If-Match", "*").status()).isEqualTo(404);
  }

  @Test
  void theLastPageHasNoNextTokenAtAll() {
    var category = "Last-" + UUID.randomUUID();
    create("5", category);
    var page = http.get("/product?category=" + category + "&limit=100");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.json().has("nextToken")).as(page.body()).isFalse();
  }

  @Test
  void declaresTheBearerSchemeOnEveryOperationButTheCatalogueReads() {
    var docs = http.anonymous().get("/v3/api-docs");
    assertThat(docs.status()).as("the documents need no token").isEqualTo(200);
    var json = docs.json();
    assertThat(
            json.path("components")
                .path("securitySchemes")
                .path("bearer")
                .path("scheme")
                .asString())
        .isEqualTo("bearer");
    var paths = json.path("paths");
    for (var read :
        List.of(paths.path("/product").path("get"), paths.path("/product/{id}").path("get"))) {
      assertThat(read.has("security")).isFalse();
      assertThat(read.path("responses").has("401")).isFalse();
    }
    for (var write :
        List.of(
            paths.path("/product").path("post"),
            paths.path("/product/{id}").path("put"),
            paths.path("/product/{id}").path("delete"))) {
      assertThat(write.path("security").get(0).has("bearer")).isTrue();
      assertThat(
              write.path("responses").path("401").path("content").has("application/problem+json"))
          .isTrue();
      assertThat(
              write.path("responses").path("403").path("content").has("application/problem+json"))
          .isTrue();
    }
    assertThat(http.anonymous().get("/product").status())
        .as("the catalogue is public")
        .isEqualTo(200);
    assertThat(http.anonymous().post("/product", "{}").status()).isEqualTo(401);
  }

  @Test
  void describesWhatItReallyAnswers() {
    var docs = http.get("/v3/api-docs").json();
    var paths = docs.path("paths");
    var create = paths.path("/product").path("post").path("responses");
    assertThat(create.has("201")).isTrue();
    assertThat(create.has("200")).isFalse();
    assertThat(create.path("400").path("content").has("application/problem+json")).isTrue();
    assertThat(paths.path("/product/{id}").path("delete").path("responses").has("204")).isTrue();
    assertThat(
            paths
                .path("/product/{id}")
                .path("get")
                .path("responses")
                .path("200")
                .path("content")
                .has("application/json"))
        .isTrue();
    var ifMatch =
        paths
            .path("/product/{id}")
            .path("put")
            .path("parameters")
            .valueStream()
            .filter(parameter -> parameter.path("name").asString().equals("If-Match"))
            .findFirst()
            .orElseThrow();
    assertThat(ifMatch.path("required").asBoolean()).isTrue();
    assertThat(paths.path("/product/{id}").path("put").path("responses").has("428")).isTrue();
    for (var operation : java.util.List.of("get", "put", "delete")) {
      var id = paths.path("/product/{id}").path(operation).path("parameters").get(0);
      assertThat(id.path("name").asString()).isEqualTo("id");
      assertThat(id.path("in").asString()).isEqualTo("path");
      assertThat(id.path("schema").path("pattern").asString()).isEqualTo(PathParameters.ID);
    }
    var limit =
        paths
            .path("/product")
            .path("get")
            .path("parameters")
            .valueStream()
            .filter(parameter -> parameter.path("name").asString().equals("limit"))
            .findFirst()
            .orElseThrow();
    assertThat(limit.path("schema").path("minimum").asInt()).isEqualTo(1);
    assertThat(limit.path("schema").path("maximum").asInt()).isEqualTo(100);

    var schemas = docs.path("components").path("schemas");
    var details = schemas.path("ProductDetails").path("properties");
    assertThat(details.path("imageFile").path("pattern").asString()).startsWith("^").endsWith("$");
    assertThat(details.path("name").path("minLength").asInt()).isEqualTo(1);
    assertThat(details.path("name").path("maxLength").asInt()).isEqualTo(200);
    assertThat(details.path("description").path("maxLength").asInt()).isEqualTo(2000);
    var category =
        paths
            .path("/product")
            .path("get")
            .path("parameters")
            .valueStream()
            .filter(parameter -> parameter.path("name").asString().equals("category"))
            .findFirst()
            .orElseThrow();
    assertThat(category.path("schema").path("maxLength").asInt()).isEqualTo(100);
    assertThat(details.path("description").path("type").toString()).contains("null");
    var product = schemas.path("Product");
    assertThat(product.path("properties").path("imageFile").path("type").toString())
        .contains("null");
    assertThat(product.path("required").toString())
        .contains("\"id\"", "\"version\"", "\"description\"");
    assertThat(schemas.path("PageProduct").path("required").toString()).doesNotContain("nextToken");
    assertThat(schemas.path("Problem").path("properties").has("requestId")).isTrue();
  }
}
