package com.swn.basket.basket;

import static org.assertj.core.api.Assertions.assertThat;

import com.swn.basket.IntegrationTestBase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The product markers that repricing finds baskets by: every product of a live basket has one that
 * lives at least as long as the basket, whatever the changes and however much time passes between
 * them, while a change that adds no product writes no marker (one {@code PutItem}).
 */
class BasketMarkersIntegrationTest extends IntegrationTestBase {

  private static final Duration TTL = Duration.ofDays(7);

  private static String user() {
    return "markers-" + UUID.randomUUID();
  }

  private static String item(String productId, int quantity) {
    return "{\"productId\":\"%s\",\"quantity\":%d}".formatted(productId, quantity);
  }

  private static Map<String, AttributeValue> document(String user) {
    return AWS.dynamoDb()
        .getItem(r -> r.tableName("basket").consistentRead(true).key(BasketItems.documentKey(user)))
        .item();
  }

  /** The expiry of each marker of the user, by product. */
  private static Map<String, Long> markers(String user) {
    return AWS
        .dynamoDb()
        .query(
            r ->
                r.tableName("basket")
                    .consistentRead(true)
                    .keyConditionExpression("userName = :user AND begins_with(sk, :prefix)")
                    .expressionAttributeValues(
                        Map.of(
                            ":user", AttributeValue.fromS(user),
                            ":prefix", AttributeValue.fromS(BasketItems.MARKER_PREFIX))))
        .items()
        .stream()
        .collect(
            Collectors.toMap(
                item -> item.get(BasketItems.PRODUCT_ID).s(),
                item -> Long.parseLong(item.get(BasketItems.EXPIRES_AT).n())));
  }

  private static long number(Map<String, AttributeValue> item, String name) {
    return Long.parseLong(item.get(name).n());
  }

  /** Every product of the stored basket has a marker that expires no earlier than the basket. */
  private static void assertMarkersOutliveTheBasket(String user) {
    var document = document(user);
    var expiresAt = number(document, BasketItems.EXPIRES_AT);
    var products =
        document.get(BasketItems.ITEMS).l().stream()
            .map(line -> line.m().get(BasketItems.PRODUCT_ID).s())
            .collect(Collectors.toSet());
    var markers = markers(user);
    assertThat(markers.keySet()).as("a marker per product").containsAll(products);
    products.forEach(
        product ->
            assertThat(markers.get(product))
                .as("marker of %s outlives the basket", product)
                .isGreaterThanOrEqualTo(expiresAt));
    assertThat(number(document, BasketItems.MARKERS_EXPIRE_AT)).isGreaterThanOrEqualTo(expiresAt);
  }

  @Test
  void moreOfAProductInTheBasketIsOnePutItemAndLeavesTheMarkersAlone() {
    var lamp = CATALOGUE.add("Lamp", "19.99");
    var clip = CATALOGUE.add("Clip", "0.10");
    var user = user();
    assertThat(http.post("/basket/" + user + "/items", item(lamp, 1)).status()).isEqualTo(200);
    assertThat(http.post("/basket/" + user + "/items", item(clip, 1)).status()).isEqualTo(200);
    var before = markers(user);
    awsCalls.take();

    var added = http.post("/basket/" + user + "/items", item(lamp, 2));

    assertThat(added.status()).isEqualTo(200);
    assertThat(added.json().path("items").get(0).path("quantity").asInt()).isEqualTo(3);
    assertThat(awsCalls.take()).containsExactly("BatchGetItem", "PutItem");
    assertThat(markers(user)).isEqualTo(before);
    assertMarkersOutliveTheBasket(user);
  }

  @Test
  void anAddedProductWritesItsOwnMarkerOnly() {
    var lamp = CATALOGUE.add("Lamp", "19.99");
    var clip = CATALOGUE.add("Clip", "0.10");
    var user = user();
    assertThat(http.post("/basket/" + user + "/items", item(lamp, 1)).status()).isEqualTo(200);
    // Another basket's add puts the clip's price into the view, so this add reads it from there.
    assertThat(http.post("/basket/" + user() + "/items", item(clip, 1)).status()).isEqualTo(200);
    var before = markers(user);
    awsCalls.take();

    assertThat(http.post("/basket/" + user + "/items", item(clip, 1)).status()).isEqualTo(200);

    assertThat(awsCalls.take()).containsExactly("BatchGetItem", "TransactWriteItems");
    assertThat(markers(user)).containsAllEntriesOf(before).containsKey(clip);
    assertMarkersOutliveTheBasket(user);
  }

  @Test
  void aBasketThatOutgrowsItsMarkersRewritesThemAll() {
    var lamp = CATALOGUE.add("Lamp", "19.99");
    var user = user();
    assertThat(http.post("/basket/" + user + "/items", item(lamp, 1)).status()).isEqualTo(200);
    var before = markers(user).get(lamp);

    // Each change pushes the expiry out by the TTL; within two TTLs it leaves the markers' period.
    for (int day = 0; day < 14; day++) {
      clock.advance(Duration.ofDays(1));
      assertThat(http.post("/basket/" + user + "/items", item(lamp, 1)).status()).isEqualTo(200);
      assertMarkersOutliveTheBasket(user);
    }
    assertThat(markers(user).get(lamp)).isGreaterThan(before);
  }

  @Test
  void aDocumentWrittenBeforeMarkersOutlivedBasketsHasThemRewrittenByTheNextChange() {
    var lamp = CATALOGUE.add("Lamp", "19.99");
    var user = user();
    assertThat(http.post("/basket/" + user + "/items", item(lamp, 1)).status()).isEqualTo(200);
    // The earlier item design: no markersExpireAt, the marker expiring with the basket.
    var old = new HashMap<>(document(user));
    old.remove(BasketItems.MARKERS_EXPIRE_AT);
    AWS.dynamoDb().putItem(r -> r.tableName("basket").item(old));
    var marker = new HashMap<>(BasketItems.markerKey(user, lamp));
    marker.put(BasketItems.PRODUCT_ID, AttributeValue.fromS(lamp));
    marker.put(BasketItems.EXPIRES_AT, old.get(BasketItems.EXPIRES_AT));
    AWS.dynamoDb().putItem(r -> r.tableName("basket").item(marker));
    clock.advance(Duration.ofHours(1));

    assertThat(http.post("/basket/" + user + "/items", item(lamp, 1)).status()).isEqualTo(200);

    assertMarkersOutliveTheBasket(user);
    assertThat(markers(user).get(lamp))
        .isGreaterThan(number(document(user), BasketItems.EXPIRES_AT));
  }

  @Test
  void aSystemChangeKeepsTheExpiryOfTheBasketAndOfItsMarkers() {
    var lamp = CATALOGUE.add("Lamp", "19.99");
    var user = user();
    assertThat(http.post("/basket/" + user + "/items", item(lamp, 1)).status()).isEqualTo(200);
    var before = document(user);
    var stored = baskets.find(user).orElseThrow();
    var repriced =
        stored
            .reprice(lamp, "Lamp", new java.math.BigDecimal("17.50"), 2)
            .orElseThrow()
            .revise(clock.instant());

    baskets.saveDocument(repriced, stored);

    var after = document(user);
    assertThat(after.get(BasketItems.VERSION).n()).isEqualTo(Long.toString(repriced.version()));
    assertThat(after.get(BasketItems.EXPIRES_AT)).isEqualTo(before.get(BasketItems.EXPIRES_AT));
    assertThat(after.get(BasketItems.MARKERS_EXPIRE_AT))
        .isEqualTo(before.get(BasketItems.MARKERS_EXPIRE_AT));
    assertThat(baskets.find(user).orElseThrow().lines().getFirst().unitPrice())
        .isEqualByComparingTo("17.50");
    assertMarkersOutliveTheBasket(user);
  }

  /**
   * Generated sequences of adds, removals, quantity changes and replacements, hours to days apart:
   * after each one the markers outlive the basket, and no marker is missing.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void generatedChangesKeepEveryMarkerAliveAsLongAsItsBasket(long seed) {
    var random = new Random(seed);
    var products = new ArrayList<String>();
    for (int i = 0; i < 4; i++) {
      products.add(CATALOGUE.add("Thing " + i, "1.25"));
    }
    var user = user();
    assertThat(http.post("/basket/" + user + "/items", item(products.getFirst(), 1)).status())
        .isEqualTo(200);
    for (int step = 0; step < 12; step++) {
      clock.advance(Duration.ofHours(random.nextInt((int) TTL.toHours())));
      var product = products.get(random.nextInt(products.size()));
      var status =
          switch (random.nextInt(4)) {
            case 0 -> http.post("/basket/" + user + "/items", item(product, 1)).status();
            case 1 -> http.delete("/basket/" + user + "/items/" + product).status();
            case 2 ->
                http.send(
                        "PATCH",
                        "/basket/" + user + "/items/" + product,
                        "{\"quantity\":%d}".formatted(1 + random.nextInt(5)))
                    .status();
            default -> {
              List<String> lines =
                  products.stream()
                      .filter(p -> p.equals(product) || random.nextBoolean())
                      .map(p -> item(p, 1 + random.nextInt(3)))
                      .toList();
              var body = "{\"items\":[" + String.join(",", lines) + "]}";
              var current = http.get("/basket/" + user);
              yield current.status() == 200
                  ? http.put("/basket/" + user, body, "If-Match", current.header("ETag")).status()
                  : http.put("/basket/" + user, body).status();
            }
          };
      assertThat(status).as("step %d", step).isIn(200, 201, 404);
      if (http.get("/basket/" + user).status() == 200) {
        assertMarkersOutliveTheBasket(user);
      }
    }
  }
}
