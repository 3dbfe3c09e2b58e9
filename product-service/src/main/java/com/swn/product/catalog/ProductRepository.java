package com.swn.product.catalog;

import com.swn.platform.dynamodb.PageTokens;
import com.swn.platform.outbox.Outbox;
import com.swn.platform.outbox.OutboxEvent;
import com.swn.platform.web.Page;
import com.swn.product.ProductServiceProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Products in DynamoDB. Every write is one {@code TransactWriteItems} call that changes the product
 * and adds its event to the outbox, guarded by the product's version: the event exists exactly when
 * the change does, and a stale writer changes nothing.
 */
@Repository
class ProductRepository {

  private static final Set<String> TABLE_KEY = Set.of(ProductItems.ID);
  private static final Set<String> CATEGORY_INDEX_KEY =
      Set.of(ProductItems.ID, ProductItems.CATEGORY);

  private final DynamoDbClient dynamoDb;
  private final Outbox outbox;
  private final String table;
  private final String categoryIndex;

  ProductRepository(DynamoDbClient dynamoDb, Outbox outbox, ProductServiceProperties properties) {
    this.dynamoDb = dynamoDb;
    this.outbox = outbox;
    this.table = properties.table();
    this.categoryIndex = properties.categoryIndex();
  }

  Optional<Product> findById(String id) {
    var item =
        dynamoDb.getItem(
            request -> request.tableName(table).key(ProductItems.key(id)).consistentRead(true));
    return item.hasItem() && !item.item().isEmpty()
        ? Optional.of(ProductItems.fromItem(item.item()))
        : Optional.empty();
  }

  Page<Product> findAll(int limit, @Nullable String nextToken) {
    var startKey = PageTokens.decode(nextToken, TABLE_KEY);
    var response =
        dynamoDb.scan(request -> request.tableName(table).limit(limit).exclusiveStartKey(startKey));
    return new Page<>(
        response.items().stream().map(ProductItems::fromItem).toList(),
        PageTokens.encode(response.lastEvaluatedKey()));
  }

  Page<Product> findByCategory(String category, int limit, @Nullable String nextToken) {
    var startKey = PageTokens.decode(nextToken, CATEGORY_INDEX_KEY);
    if (startKey != null && !category.equals(startKey.get(ProductItems.CATEGORY).s())) {
      throw new com.swn.platform.dynamodb.InvalidPageTokenException();
    }
    var response =
        dynamoDb.query(
            request ->
                request
                    .tableName(table)
                    .indexName(categoryIndex)
                    .keyConditionExpression("#category = :category")
                    .expressionAttributeNames(Map.of("#category", ProductItems.CATEGORY))
                    .expressionAttributeValues(Map.of(":category", AttributeValue.fromS(category)))
                    .limit(limit)
                    .exclusiveStartKey(startKey));
    return new Page<>(
        response.items().stream().map(ProductItems::fromItem).toList(),
        PageTokens.encode(response.lastEvaluatedKey()));
  }

  void insert(Product product, OutboxEvent event) {
    var put =
        Put.builder()
            .tableName(table)
            .item(ProductItems.toItem(product))
            .conditionExpression("attribute_not_exists(#id)")
            .expressionAttributeNames(Map.of("#id", ProductItems.ID))
            .build();
    write(product.id(), TransactWriteItem.builder().put(put).build(), List.of(event));
  }

  /** Replaces the product if, and only if, it is still at {@code expectedVersion}. */
  void replace(Product product, long expectedVersion, List<OutboxEvent> events) {
    var put =
        Put.builder()
            .tableName(table)
            .item(ProductItems.toItem(product))
            .conditionExpression("#version = :expected")
            .expressionAttributeNames(Map.of("#version", ProductItems.VERSION))
            .expressionAttributeValues(Map.of(":expected", ProductItems.number(expectedVersion)))
            .build();
    write(product.id(), TransactWriteItem.builder().put(put).build(), events);
  }

  void delete(String id, long expectedVersion, OutboxEvent event) {
    var delete =
        Delete.builder()
            .tableName(table)
            .key(ProductItems.key(id))
            .conditionExpression("#version = :expected")
            .expressionAttributeNames(Map.of("#version", ProductItems.VERSION))
            .expressionAttributeValues(Map.of(":expected", ProductItems.number(expectedVersion)))
            .build();
    write(id, TransactWriteItem.builder().delete(delete).build(), List.of(event));
  }

  private void write(String id, TransactWriteItem change, List<OutboxEvent> events) {
    var items = new ArrayList<TransactWriteItem>();
    items.add(change);
    events.forEach(event -> items.add(outbox.put(event)));
    try {
      dynamoDb.transactWriteItems(request -> request.transactItems(items));
    } catch (TransactionCanceledException e) {
      if (e.hasCancellationReasons()
          && "ConditionalCheckFailed".equals(e.cancellationReasons().getFirst().code())) {
        throw conflict(id);
      }
      throw e;
    }
  }

  /** The condition names no reason, so look: a vanished product is a 404, a newer one a 412. */
  private RuntimeException conflict(String id) {
    return findById(id)
        .<RuntimeException>map(current -> new VersionMismatchException(id, current.version()))
        .orElseGet(() -> new ProductNotFoundException(id));
  }
}
