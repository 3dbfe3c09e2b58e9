package com.swn.basket.catalog;

import com.swn.basket.BasketProperties;
import com.swn.platform.dynamodb.Attributes;
import com.swn.platform.dynamodb.BatchRead;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * The basket service's own copy of what it needs of the catalogue (name, price, version of each
 * product), kept by the product events it consumes and filled from the catalogue on a miss. One
 * item per product: partition key {@code productId}; a deleted product stays as a tombstone, so a
 * late or repeated event cannot bring it back. Every write is conditional on carrying a newer
 * version than the item it replaces (a tombstone also replaces the same version), so events that
 * arrive twice, late or out of order, and a catalogue read racing an event, leave the newest state.
 */
@Repository
public class CatalogView {

  /** DynamoDB's limit on the keys of one {@code BatchGetItem}. */
  private static final int MAX_BATCH_KEYS = 100;

  private static final String PRODUCT_ID = "productId";
  private static final String NAME = "name";
  private static final String PRICE = "price";
  private static final String VERSION = "version";
  private static final String DELETED = "deleted";

  private final DynamoDbClient dynamoDb;
  private final String table;

  CatalogView(DynamoDbClient dynamoDb, BasketProperties properties) {
    this.dynamoDb = dynamoDb;
    this.table = properties.priceTable();
  }

  /** What the view holds of a product: the product, or {@code null} if the catalogue deleted it. */
  public record Entry(String productId, long version, @Nullable CatalogProduct product) {}

  /**
   * The entries the view has for these ids, in one read per hundred ids. An id it has no entry for
   * is absent from the answer, and so is one DynamoDB left unprocessed (throttling): the caller
   * asks the catalogue for those, which is always right, only slower. Eventually consistent: the
   * view follows the catalogue by the events' delay anyway, and the checkout re-reads the
   * catalogue.
   */
  Map<String, Entry> find(Collection<String> productIds) {
    var ids = List.copyOf(productIds);
    var entries = new LinkedHashMap<String, Entry>();
    if (ids.size() == 1) {
      var item = dynamoDb.getItem(r -> r.tableName(table).key(key(ids.getFirst()))).item();
      if (item != null && !item.isEmpty()) {
        entries.put(ids.getFirst(), entry(item));
      }
      return entries;
    }
    for (int from = 0; from < ids.size(); from += MAX_BATCH_KEYS) {
      var keys =
          ids.subList(from, Math.min(ids.size(), from + MAX_BATCH_KEYS)).stream()
              .map(CatalogView::key)
              .toList();
      var response =
          dynamoDb.batchGetItem(
              r -> r.requestItems(Map.of(table, KeysAndAttributes.builder().keys(keys).build())));
      response.responses().getOrDefault(table, List.of()).stream()
          .map(CatalogView::entry)
          .forEach(entry -> entries.put(entry.productId(), entry));
    }
    return entries;
  }

  /** Adds the product's entry to a batch of reads; the supplier answers once the batch ran. */
  Supplier<Optional<Entry>> find(BatchRead read, String productId) {
    var item = read.get(table, key(productId), false);
    return () -> item.item().map(CatalogView::entry);
  }

  /**
   * Records the product as the catalogue has it at its version; false if the view already holds
   * that version or a newer one (or the product's tombstone).
   */
  public boolean record(CatalogProduct product) {
    var item = new HashMap<>(key(product.id()));
    item.put(NAME, AttributeValue.fromS(product.name()));
    item.put(PRICE, AttributeValue.fromN(product.price().toPlainString()));
    item.put(VERSION, number(product.version()));
    return putIfNewer(
        item, "#version < :version AND attribute_not_exists(" + DELETED + ")", product.version());
  }

  /** Records that the catalogue deleted the product at this version; false if already known. */
  public boolean withdraw(String productId, long version) {
    var item = new HashMap<>(key(productId));
    item.put(VERSION, number(version));
    item.put(DELETED, AttributeValue.fromBool(true));
    return putIfNewer(
        item, "#version <= :version AND attribute_not_exists(" + DELETED + ")", version);
  }

  private boolean putIfNewer(Map<String, AttributeValue> item, String newer, long version) {
    try {
      dynamoDb.putItem(
          r ->
              r.tableName(table)
                  .item(item)
                  .conditionExpression("attribute_not_exists(#productId) OR (" + newer + ")")
                  .expressionAttributeNames(Map.of("#productId", PRODUCT_ID, "#version", VERSION))
                  .expressionAttributeValues(Map.of(":version", number(version))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  private static Map<String, AttributeValue> key(String productId) {
    return Map.of(PRODUCT_ID, AttributeValue.fromS(productId));
  }

  private static AttributeValue number(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  private static Entry entry(Map<String, AttributeValue> item) {
    var productId = Attributes.required(item, PRODUCT_ID).s();
    var version = Long.parseLong(Attributes.required(item, VERSION).n());
    var deleted = item.get(DELETED);
    if (deleted != null && Boolean.TRUE.equals(deleted.bool())) {
      return new Entry(productId, version, null);
    }
    return new Entry(
        productId,
        version,
        new CatalogProduct(
            productId,
            Attributes.required(item, NAME).s(),
            new BigDecimal(Attributes.required(item, PRICE).n()),
            version));
  }
}
