package com.swn.platform.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.swn.localaws.LocalAws;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads of two tables in one batch, against a real emulator. */
class BatchReadIntegrationTest {

  private static final LocalAws AWS = LocalAws.shared();

  private final String baskets = TestTables.create("batch", "userName");
  private final String prices = TestTables.create("batch", "productId");

  private void put(String table, String keyName, String key, String value) {
    AWS.dynamoDb()
        .putItem(
            r ->
                r.tableName(table)
                    .item(
                        Map.of(
                            keyName,
                            AttributeValue.fromS(key),
                            "value",
                            AttributeValue.fromS(value))));
  }

  private static Map<String, AttributeValue> key(String name, String value) {
    return Map.of(name, AttributeValue.fromS(value));
  }

  @Test
  void answersEachItemOfSeveralTablesFromOneRead() {
    put(baskets, "userName", "ann", "ann's basket");
    put(prices, "productId", "lamp", "10.00");
    put(prices, "productId", "clip", "1.00");
    var read = new BatchRead(AWS.dynamoDb());
    var basket = read.get(baskets, key("userName", "ann"), true);
    var lamp = read.get(prices, key("productId", "lamp"), false);
    var clip = read.get(prices, key("productId", "clip"), false);
    var absent = read.get(prices, key("productId", "gone"), false);
    var again = read.get(prices, key("productId", "lamp"), false);

    read.execute();

    assertThat(basket.item())
        .get()
        .extracting(item -> item.get("value").s())
        .isEqualTo("ann's basket");
    assertThat(lamp.item()).get().extracting(item -> item.get("value").s()).isEqualTo("10.00");
    assertThat(clip.item()).get().extracting(item -> item.get("value").s()).isEqualTo("1.00");
    assertThat(absent.item()).isEmpty();
    assertThat(again.item()).as("a key asked twice is answered twice").isEqualTo(lamp.item());
  }

  @Test
  void answersASingleItemToo() {
    put(baskets, "userName", "bob", "bob's basket");
    var read = new BatchRead(AWS.dynamoDb());
    var basket = read.get(baskets, key("userName", "bob"), true);

    read.execute();

    assertThat(basket.item())
        .get()
        .extracting(item -> item.get("value").s())
        .isEqualTo("bob's basket");
  }

  @Test
  void answersOnlyAfterTheReadAndOnlyOnce() {
    var read = new BatchRead(AWS.dynamoDb());
    var basket = read.get(baskets, key("userName", "nobody"), true);

    assertThatThrownBy(basket::item).isInstanceOf(IllegalStateException.class);
    read.execute();
    assertThat(basket.item()).isEmpty();
    assertThatThrownBy(() -> read.get(baskets, key("userName", "late"), true))
        .isInstanceOf(IllegalStateException.class);
  }
}
