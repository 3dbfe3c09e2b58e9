package com.swn.product.catalog;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Maps products to DynamoDB items and back; prices are DynamoDB numbers, exact decimals. */
final class ProductItems {

  static final String ID = "id";
  static final String NAME = "name";
  static final String DESCRIPTION = "description";
  static final String IMAGE_FILE = "imageFile";
  static final String PRICE = "price";
  static final String CATEGORY = "category";
  static final String VERSION = "version";

  private ProductItems() {}

  static Map<String, AttributeValue> key(String id) {
    return Map.of(ID, AttributeValue.fromS(id));
  }

  static AttributeValue number(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  static Map<String, AttributeValue> toItem(Product product) {
    var item = new HashMap<String, AttributeValue>();
    item.put(ID, AttributeValue.fromS(product.id()));
    item.put(NAME, AttributeValue.fromS(product.name()));
    putIfPresent(item, DESCRIPTION, product.description());
    putIfPresent(item, IMAGE_FILE, product.imageFile());
    item.put(PRICE, AttributeValue.fromN(product.price().toPlainString()));
    item.put(CATEGORY, AttributeValue.fromS(product.category()));
    item.put(VERSION, number(product.version()));
    return item;
  }

  static Product fromItem(Map<String, AttributeValue> item) {
    return new Product(
        item.get(ID).s(),
        item.get(NAME).s(),
        stringOrNull(item, DESCRIPTION),
        stringOrNull(item, IMAGE_FILE),
        new BigDecimal(item.get(PRICE).n()).setScale(2),
        item.get(CATEGORY).s(),
        Long.parseLong(item.get(VERSION).n()));
  }

  private static void putIfPresent(
      Map<String, AttributeValue> item, String name, @Nullable String value) {
    if (value != null) {
      item.put(name, AttributeValue.fromS(value));
    }
  }

  private static @Nullable String stringOrNull(Map<String, AttributeValue> item, String name) {
    var value = item.get(name);
    return value == null ? null : value.s();
  }
}
