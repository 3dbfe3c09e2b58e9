package com.swn.basket.basket;

import static org.assertj.core.api.Assertions.assertThat;

import com.swn.basket.IntegrationTestBase;
import com.swn.platform.web.VersionTags;
import com.swn.testsupport.HttpJson;
import com.swn.testsupport.RawHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The basket API over real HTTP against DynamoDB (moto), prices from a stub catalogue. */
class BasketApiIntegrationTest extends IntegrationTestBase {

  private static String user() {
    return "user-" + UUID.randomUUID();
  }

  private static String item(String productId, int quantity, @Nullable String color) {
    return color == null
        ? "{\"productId\":\"%s\",\"quantity\":%d}".formatted(productId, quantity)
        : "{\"productId\":\"%s\",\"quantity\":%d,\"color\":\"%s\"}"
            .formatted(productId, quantity, color);
  }

  private static String items(String... items) {
    return "{\"items\":[" + String.join(",", items) + "]}";
  }

  private static boolean hasMarker(String userName, String productId) {
    return AWS.dynamoDb()
        .getItem(
            r ->
                r.tableName("basket")
                    .consistentRead(true)
                    .key(
                        Map.of(
                            "userName",
                            AttributeValue.fromS(userName),
                            "sk",
                            AttributeValue.fromS("PRODUCT#" + productId))))
        .hasItem();
  }

  @Test
  void fillsABasketWithCataloguePricesAndExactTotals() {
    var lamp = CATALOGUE.add("Lamp", "19.99");
    var clip = CATALOGUE.add("Clip", "0.10");
    var user = user();

    var created = http.put("/basket/" + user, items(item(lamp, 3, "red"), item(clip, 2, null)));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("ETag")).matches("\"[1-9][0-9]*\"");
    assertThat(created.json().path("totalPrice").decimalValue()).isEqualByComparingTo("60.17");

    var added = http.post("/basket/" + user + "/items", item(lamp, 1, "red"));
    assertThat(added.status()).isEqualTo(200);

    var read = http.get("/basket/" + user);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.header("ETag"))
        .isEqualTo(added.header("ETag"))
        .isNotEqualTo(created.header("ETag"));
    var lines = read.json().path("items");
    assertThat(lines.size()).isEqualTo(2);
    assertThat(lines.get(0).path("productName").asString()).isEqualTo("Lamp");
    assertThat(lines.get(0).path("quantity").asInt()).isEqualTo(4);
    assertThat(lines.get(0).path("unitPrice").decimalValue()).isEqualByComparingTo("19.99");
    assertThat(lines.get(0).path("lineTotal").decimalValue()).isEqualByComparingTo("79.96");
    assertThat(lines.get(0).path("priceVersion").asLong()).isEqualTo(1);
    assertThat(read.json().path("totalPrice").decimalValue()).isEqualByComparingTo("80.16");
    assertThat(read.json().path("expiresAt").asString()).isNotBlank();
    assertThat(hasMarker(user, lamp)).as("marker for the product index").isTrue();
    assertThat(hasMarker(user, clip)).isTrue();
  }

  @Test
  void replaceNeedsTheCurrentETagOnceTheBasketExists() {
    var lamp = CATALOGUE.add("Lamp", "10");
    var clip = CATALOGUE.add("Clip", "1");
    var user = user();
    var created = http.put("/basket/" + user, items(item(lamp, 1, null)));
    assertThat(created.status()).isEqualTo(201);

    var unconditional = http.put("/basket/" + user, items(item(clip, 1, null)));
    var stale = http.put("/basket/" + user, items(item(clip, 1, null)), "If-Match", "\"7\"");
    var current =
        http.put("/basket/" + user, items(item(clip, 5, null)), "If-Match", created.header("ETag"));

    assertThat(unconditional.status()).isEqualTo(428);
    assertThat(unconditional.header("Content-Type")).startsWith("application/problem+json");
    assertThat(stale.status()).isEqualTo(412);
    assertThat(VersionTags.of(stale.json().path("currentVersion").asLong()))
        .isEqualTo(created.header("ETag"));
    assertThat(current.status()).isEqualTo(200);
    assertThat(current.json().path("totalPrice").decimalValue()).isEqualByComparingTo("5.00");
    assertThat(hasMarker(user, lamp)).as("marker of a removed product is deleted").isFalse();
  }

  @Test
  void itemWritesWithoutIfMatchRetryOnConflictsAndAStaleIfMatchIs412() throws Exception {
    var user = user();
    var products = new ArrayList<String>();
    for (int i = 0; i < 4; i++) {
      products.add(CATALOGUE.add("Thing " + i, "2.50"));
    }

    List<Future<HttpJson.Response>> adds = new ArrayList<>();
    try (var pool = Executors.newFixedThreadPool(products.size())) {
      for (var product : products) {
        adds.add(
            pool.submit(() -> http.post("/basket/" + user + "/items", item(product, 2, null))));
      }
    }
    for (var add : adds) {
      assertThat(add.get().status()).isEqualTo(200);
    }
    var basket = http.get("/basket/" + user);
    assertThat(basket.json().path("items").size()).isEqualTo(4);
    assertThat(basket.json().path("totalPrice").decimalValue()).isEqualByComparingTo("20.00");

    var stale =
        http.post(
            "/basket/" + user + "/items", item(products.getFirst(), 1, null), "If-Match", "\"1\"");
    assertThat(stale.status()).isEqualTo(412);
    var current =
        http.send(
            "PATCH",
            "/basket/" + user + "/items/" + products.getFirst(),
            "{\"quantity\":9}",
            "If-Match",
            basket.header("ETag"));
    assertThat(current.status()).isEqualTo(200);
  }

  @Test
  void anUnknownProductIs422AndACatalogueOutageIs503() {
    var user = user();
    var down = CATALOGUE.add("Down", "1");
    CATALOGUE.fail(down, -1);

    var unknown = http.post("/basket/" + user + "/items", item("no-such-product", 1, null));
    var unavailable = http.post("/basket/" + user + "/items", item(down, 1, null));

    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.json().path("title").asString()).isEqualTo("Unknown product");
    assertThat(unavailable.status()).isEqualTo(503);
    assertThat(unavailable.header("Content-Type")).startsWith("application/problem+json");
    assertThat(unavailable.header("Retry-After")).isEqualTo("5");
    assertThat(http.get("/basket/" + user).status()).as("nothing was written").isEqualTo(404);
  }

  @Test
  void preconditionFailuresAreAnsweredBeforeAnyCatalogueLookUp() {
    var lamp = CATALOGUE.add("Lamp", "19.99");
    var user = user();
    assertThat(http.put("/basket/" + user, items(item(lamp, 1, null))).status()).isEqualTo(201);
    var unseen = CATALOGUE.add("Unseen", "1.00");

    assertThat(
            http.put("/basket/" + user, items(item(unseen, 1, null)), "If-Match", "\"7\"").status())
        .isEqualTo(412);
    assertThat(http.put("/basket/" + user, items(item(unseen, 1, null))).status()).isEqualTo(428);
    assertThat(
            http.put(
                    "/basket/user-" + UUID.randomUUID(),
                    items(item(unseen, 1, null)),
                    "If-Match",
                    "\"1\"")
                .status())
        .isEqualTo(412);
    assertThat(
            http.post("/basket/" + user + "/items", item(unseen, 1, null), "If-Match", "\"7\"")
                .status())
        .isEqualTo(412);

    assertThat(CATALOGUE.requestsFor(unseen)).isZero();
  }

  @Test
  void aCatalogueThatHangsForEveryProductIsA503WithinTheLookUpDeadline() {
    var user = user();
    var hung = new ArrayList<String>();
    for (int i = 0; i < 5; i++) {
      var id = CATALOGUE.add("Hung " + i, "2.00");
      CATALOGUE.delay(id, Duration.ofSeconds(60));
      hung.add(item(id, 1, null));
    }
    var started = System.nanoTime();

    var response = http.put("/basket/" + user, items(hung.toArray(String[]::new)));

    // The look-up deadline here is 3 s; without one, the first product alone takes 3 attempts x the
    // 5 s
    // read timeout (and five products looked up one after another, five times that).
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
    assertThat(response.status()).isEqualTo(503);
    assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(http.get("/basket/" + user).status()).isEqualTo(404);
  }

  @Test
  void changesAndRemovesLinesAndDeletesTheBasket() {
    var lamp = CATALOGUE.add("Lamp", "10");
    var user = user();
    http.put("/basket/" + user, items(item(lamp, 1, "red"), item(lamp, 1, "blue")));

    var ambiguous = http.send("PATCH", "/basket/" + user + "/items/" + lamp, "{\"quantity\":3}");
    var changed =
        http.send(
            "PATCH", "/basket/" + user + "/items/" + lamp + "?color=blue", "{\"quantity\":3}");
    var removed = http.delete("/basket/" + user + "/items/" + lamp + "?color=red");
    var missingLine = http.delete("/basket/" + user + "/items/" + lamp + "?color=red");

    assertThat(ambiguous.status()).isEqualTo(409);
    assertThat(changed.json().path("totalPrice").decimalValue()).isEqualByComparingTo("40.00");
    assertThat(removed.json().path("totalPrice").decimalValue()).isEqualByComparingTo("30.00");
    assertThat(missingLine.status()).isEqualTo(404);
    assertThat(http.delete("/basket/" + user, "If-Match", "\"1\"").status()).isEqualTo(412);
    assertThat(http.delete("/basket/" + user).status()).isEqualTo(204);
    assertThat(http.get("/basket/" + user).status()).isEqualTo(404);
    assertThat(http.delete("/basket/" + user).status()).isEqualTo(404);
  }

  @Test
  void listsBasketDocumentsPageByPageWithOpaqueTokens() {
    var lamp = CATALOGUE.add("Lamp", "10");
    var mine = new HashSet<String>();
    for (int i = 0; i < 3; i++) {
      var user = user();
      mine.add(user);
      http.put("/basket/" + user, items(item(lamp, 1, null)));
    }

    var seen = new HashSet<String>();
    @Nullable String token = null;
    int pages = 0;
    do {
      var page = http.get("/basket?limit=2" + (token == null ? "" : "&nextToken=" + token));
      assertThat(page.status()).isEqualTo(200);
      page.json()
          .path("items")
          .forEach(
              basket -> {
                assertThat(basket.path("items").isArray())
                    .as("basket documents only, no markers")
                    .isTrue();
                assertThat(seen.add(basket.path("userName").asString()))
                    .as("no basket twice")
                    .isTrue();
              });
      token =
          page.json().path("nextToken").isString()
              ? page.json().path("nextToken").asString()
              : null;
      pages++;
    } while (token != null && pages < 500);

    assertThat(seen).containsAll(mine);
    assertThat(http.get("/basket?nextToken=bm90LWEtdG9rZW4").status()).isEqualTo(400);
  }

  @Test
  void isReadyWithItsTablesAndServesItsOpenApi() {
    var readiness = http.get("/actuator/health/readiness");
    var openApi = http.get("/v3/api-docs");
    var unknown = http.get("/nowhere");

    assertThat(readiness.status()).isEqualTo(200);
    assertThat(openApi.json().path("paths").has("/basket/checkout")).isTrue();
    assertThat(openApi.json().path("paths").has("/basket/{userName}/items/{productId}")).isTrue();
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
  }

  @Test
  void describesWhatItReallyAnswers() {
    var paths = http.get("/v3/api-docs").json().path("paths");
    var checkout = paths.path("/basket/checkout").path("post");
    assertThat(checkout.path("responses").has("202")).isTrue();
    assertThat(checkout.path("responses").has("200")).isFalse();
    assertThat(
            checkout.path("responses").path("422").path("content").has("application/problem+json"))
        .isTrue();
    var key =
        checkout
            .path("parameters")
            .valueStream()
            .filter(parameter -> parameter.path("name").asString().equals("Idempotency-Key"))
            .findFirst()
            .orElseThrow();
    assertThat(key.path("required").asBoolean()).isTrue();
    var replace = paths.path("/basket/{userName}").path("put").path("responses");
    assertThat(replace.has("200")).isTrue();
    assertThat(replace.has("201")).isTrue();
    assertThat(replace.has("428")).isTrue();
    // Errors the controllers declare by code and description alone are problem documents only.
    for (var declared :
        java.util.List.of(checkout.path("responses").path("409"), replace.path("428"))) {
      assertThat(declared.path("content").propertyNames())
          .containsExactly("application/problem+json");
      assertThat(
              declared
                  .path("content")
                  .path("application/problem+json")
                  .path("schema")
                  .path("$ref")
                  .asString())
          .isEqualTo("#/components/schemas/Problem");
    }
    var userName = paths.path("/basket/{userName}").path("get").path("parameters").get(0);
    assertThat(userName.path("schema").path("pattern").asString())
        .startsWith("^")
        .endsWith("$")
        .contains("checkout");
    assertThat(paths.path("/basket/{userName}").path("delete").path("responses").has("204"))
        .isTrue();
    // Every path parameter of every operation carries its pattern (through PathParameters).
    var patterns =
        java.util.Map.of(
            "userName", com.swn.basket.UserNames.PATTERN, "productId", ItemRequest.PRODUCT_ID);
    for (var path : paths.properties()) {
      var placeholders = (int) path.getKey().chars().filter(c -> c == '{').count();
      for (var operation : path.getValue().properties()) {
        var inPath =
            operation
                .getValue()
                .path("parameters")
                .valueStream()
                .filter(parameter -> parameter.path("in").asString().equals("path"))
                .toList();
        assertThat(inPath).as("%s %s", operation.getKey(), path.getKey()).hasSize(placeholders);
        for (var parameter : inPath) {
          var name = parameter.path("name").asString();
          assertThat(parameter.path("schema").path("pattern").asString())
              .as("%s %s %s", operation.getKey(), path.getKey(), name)
              .isEqualTo(patterns.get(name));
        }
      }
    }
  }

  @Test
  void basketCheckoutIsOnlyTheCheckoutNeverTheBasketOfAUserNamedCheckout() {
    var raw = new RawHttp(port);
    var token = "Authorization: Bearer " + com.swn.testsupport.TestIssuer.shared().token("someone");
    for (var method : new String[] {"GET", "PUT", "DELETE", "PATCH"}) {
      var response =
          raw.send(
              method,
              "/basket/checkout",
              "{\"items\":[]}",
              "Content-Type: application/json",
              token);
      response.assertProblem(405);
      assertThat(response.header("Allow")).contains("POST").doesNotContain("GET", "PUT", "DELETE");
    }
    var options = raw.send("OPTIONS", "/basket/checkout", "");
    assertThat(options.status()).isEqualTo(200);
    assertThat(options.header("Allow")).isEqualTo("POST,OPTIONS");
    raw.send(
            "POST",
            "/basket/checkout/items",
            "{\"productId\":\"p-1\",\"quantity\":1}",
            "Content-Type: application/json",
            token)
        .assertProblem(400);
  }
}
