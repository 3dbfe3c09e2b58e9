package com.swn.basket.basket;

import com.swn.platform.dynamodb.Attributes;
import java.math.BigDecimal;
import java.time.Duration;
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
 *
 * <p>A marker outlives its basket, so that it need not be rewritten with every change: it expires
 * at {@link #markerExpiry}, and the document records that instant in {@code markersExpireAt}. While
 * a basket's expiry stays within one TTL period, its markers' expiry stays the same, and a change
 * writes only the markers of the products it adds.
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
  static final String MARKERS_EXPIRE_AT = "markersExpireAt";

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
   * When the markers of a basket expiring at {@code basketExpiresAt} expire: the end of the TTL
   * period after the one the basket expires in, so always more than one {@code ttl} after the
   * basket, and the same instant for every expiry within one period.
   */
  static Instant markerExpiry(Instant basketExpiresAt, Duration ttl) {
    long period = Math.max(1, ttl.toSeconds());
    return Instant.ofEpochSecond(
        (Math.floorDiv(basketExpiresAt.getEpochSecond(), period) + 2) * period);
  }

  static TransactWriteItem putMarker(
      String table, String userName, String productId, Instant expiresAt) {
    var item = new HashMap<>(markerKey(userName, productId));
    item.put(PRODUCT_ID, AttributeValue.fromS(productId));
    item.put(EXPIRES_AT, number(expiresAt.getEpochSecond()));
    return TransactWriteItem.builder()
        .put(Put.builder().tableName(table).item(item).build())
        .build();
  }

  static TransactWriteItem deleteMarker(String table, String userName, String productId) {
    var delete = Delete.builder().tableName(table).key(markerKey(userName, productId)).build();
    return TransactWriteItem.builder().delete(delete).build();
  }

  static Map<String, AttributeValue> document(Basket basket, Instant markersExpireAt) {
    var item = new HashMap<>(documentKey(basket.userName()));
    item.put(ITEMS, lines(basket));
    item.put(VERSION, number(basket.version()));
    item.put(EXPIRES_AT, number(basket.expiresAt().getEpochSecond()));
    item.put(UPDATED_AT, updatedAt(basket));
    item.put(MARKERS_EXPIRE_AT, number(markersExpireAt.getEpochSecond()));
    return item;
  }

  static AttributeValue lines(Basket basket) {
    return AttributeValue.fromL(basket.lines().stream().map(BasketItems::line).toList());
  }

  static AttributeValue updatedAt(Basket basket) {
    return AttributeValue.fromS(basket.updatedAt().toString());
  }

  static Basket fromDocument(Map<String, AttributeValue> item) {
    return new Basket(
        Attributes.required(item, USER_NAME).s(),
        Attributes.required(item, ITEMS).l().stream().map(value -> fromLine(value.m())).toList(),
        Long.parseLong(Attributes.required(item, VERSION).n()),
        Instant.ofEpochSecond(Long.parseLong(Attributes.required(item, EXPIRES_AT).n())),
        Instant.parse(Attributes.required(item, UPDATED_AT).s()));
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
        Attributes.required(item, PRODUCT_ID).s(),
        Attributes.required(item, PRODUCT_NAME).s(),
        color == null ? null : color.s(),
        Integer.parseInt(Attributes.required(item, QUANTITY).n()),
        new BigDecimal(Attributes.required(item, UNIT_PRICE).n()),
        Long.parseLong(Attributes.required(item, PRICE_VERSION).n()),
        Attributes.required(item, AVAILABLE).bool());
  }
}
