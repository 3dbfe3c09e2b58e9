package com.swn.basket.basket;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The basket table's item design. Partition key {@code userName}; sort key {@code sk} is {@code
 * BASKET} for the basket document and {@code PRODUCT#<id>} for one marker per product in it. Only
 * markers carry {@code productId}, so the index {@code baskets-by-product} (productId → userName)
 * holds markers only. Both carry {@code expiresAt} (epoch seconds), the table's TTL attribute.
 */
final class BasketItems {

  static final String USER_NAME = "userName";
  static final String SK = "sk";
  static final String DOCUMENT = "BASKET";
  static final String MARKER_PREFIX = "PRODUCT#";
  static final String PRODUCT_ID = "productId";
  static final String ITEMS = "items";
  static final String VERSION = "version";
  static final String EXPIRES_AT = "expiresAt";
  static final String UPDATED_AT = "updatedAt";

  private static final String PRODUCT_NAME = "productName";
  private static final String COLOR = "color";
  private static final String QUANTITY = "quantity";
  private static final String UNIT_PRICE = "unitPrice";
  private static final String PRICE_VERSION = "priceVersion";
  private static final String AVAILABLE = "available";

  private BasketItems() {}

  static Map<String, AttributeValue> documentKey(String userName) {
    return Map.of(USER_NAME, AttributeValue.fromS(userName), SK, AttributeValue.fromS(DOCUMENT));
  }

  static Map<String, AttributeValue> markerKey(String userName, String productId) {
    return Map.of(
        USER_NAME,
        AttributeValue.fromS(userName),
        SK,
        AttributeValue.fromS(MARKER_PREFIX + productId));
  }

  static AttributeValue number(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  /**
   * A marker lives as long as its basket: it is rewritten with the basket's expiry on every write.
   */
  static TransactWriteItem putMarker(String table, Basket basket, String productId) {
    var item = new HashMap<>(markerKey(basket.userName(), productId));
    item.put(PRODUCT_ID, AttributeValue.fromS(productId));
    item.put(EXPIRES_AT, number(basket.expiresAt().getEpochSecond()));
    return TransactWriteItem.builder()
        .put(Put.builder().tableName(table).item(item).build())
        .build();
  }

  static TransactWriteItem deleteMarker(String table, String userName, String productId) {
    var delete = Delete.builder().tableName(table).key(markerKey(userName, productId)).build();
    return TransactWriteItem.builder().delete(delete).build();
  }

  static Map<String, AttributeValue> document(Basket basket) {
    var item = new HashMap<>(documentKey(basket.userName()));
    item.put(ITEMS, AttributeValue.fromL(basket.lines().stream().map(BasketItems::line).toList()));
    item.put(VERSION, number(basket.version()));
    item.put(EXPIRES_AT, number(basket.expiresAt().getEpochSecond()));
    item.put(UPDATED_AT, AttributeValue.fromS(basket.updatedAt().toString()));
    return item;
  }

  static Basket fromDocument(Map<String, AttributeValue> item) {
    return new Basket(
        item.get(USER_NAME).s(),
        item.get(ITEMS).l().stream().map(value -> fromLine(value.m())).toList(),
        Long.parseLong(item.get(VERSION).n()),
        Instant.ofEpochSecond(Long.parseLong(item.get(EXPIRES_AT).n())),
        Instant.parse(item.get(UPDATED_AT).s()));
  }

  private static AttributeValue line(BasketLine line) {
    var item = new HashMap<String, AttributeValue>();
    item.put(PRODUCT_ID, AttributeValue.fromS(line.productId()));
    item.put(PRODUCT_NAME, AttributeValue.fromS(line.productName()));
    if (line.color() != null) {
      item.put(COLOR, AttributeValue.fromS(line.color()));
    }
    item.put(QUANTITY, number(line.quantity()));
    item.put(UNIT_PRICE, AttributeValue.fromN(line.unitPrice().toPlainString()));
    item.put(PRICE_VERSION, number(line.priceVersion()));
    item.put(AVAILABLE, AttributeValue.fromBool(line.available()));
    return AttributeValue.fromM(item);
  }

  private static BasketLine fromLine(Map<String, AttributeValue> item) {
    var color = item.get(COLOR);
    return new BasketLine(
        item.get(PRODUCT_ID).s(),
        item.get(PRODUCT_NAME).s(),
        color == null ? null : color.s(),
        Integer.parseInt(item.get(QUANTITY).n()),
        new BigDecimal(item.get(UNIT_PRICE).n()),
        Long.parseLong(item.get(PRICE_VERSION).n()),
        item.get(AVAILABLE).bool());
  }
}
