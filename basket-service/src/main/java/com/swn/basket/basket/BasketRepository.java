package com.swn.basket.basket;

import com.swn.basket.BasketProperties;
import com.swn.platform.dynamodb.Attributes;
import com.swn.platform.dynamodb.BatchRead;
import com.swn.platform.dynamodb.PageTokens;
import com.swn.platform.outbox.OutboxTransaction;
import com.swn.platform.outbox.TransactionalOutbox;
import com.swn.platform.web.Page;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Baskets in DynamoDB (item design in {@link BasketItems}). Every write of a basket document is
 * conditional on the version it was read at, so a stale writer changes nothing. A user's write puts
 * the document and its product markers in one transaction; markers of removed products are deleted
 * in it too, and a marker left behind (after a delete or checkout) is harmless: repricing skips a
 * basket that no longer holds the product, and the TTL removes the marker. An expired basket the
 * TTL has not yet removed is treated as absent.
 */
@Repository
public class BasketRepository {

  /** DynamoDB's limit on the items of one transaction. */
  private static final int MAX_TRANSACTION_ITEMS = 100;

  private static final Set<String> TABLE_KEY = Set.of(BasketItems.USER_NAME, BasketItems.SK);

  /** The key of an item of the product index: its own key and the table's. */
  private static final Set<String> PRODUCT_INDEX_KEY =
      Set.of(BasketItems.PRODUCT_ID, BasketItems.USER_NAME, BasketItems.SK);

  private final DynamoDbClient dynamoDb;
  private final TransactionalOutbox outbox;
  private final String table;
  private final String productIndex;
  private final Clock clock;

  BasketRepository(
      DynamoDbClient dynamoDb,
      TransactionalOutbox outbox,
      BasketProperties properties,
      Clock clock) {
    this.dynamoDb = dynamoDb;
    this.outbox = outbox;
    this.table = properties.table();
    this.productIndex = properties.productIndex();
    this.clock = clock;
  }

  public Optional<Basket> find(String userName) {
    return find(userName, read -> {});
  }

  /**
   * The basket, read in one request with whatever {@code alsoRead} adds to the same batch (e.g. the
   * prices of the products an add needs).
   */
  Optional<Basket> find(String userName, Consumer<BatchRead> alsoRead) {
    var read = new BatchRead(dynamoDb);
    var document = read.get(table, BasketItems.documentKey(userName), true);
    alsoRead.accept(read);
    read.execute();
    return document
        .item()
        .map(BasketItems::fromDocument)
        .filter(basket -> basket.expiresAt().isAfter(clock.instant()));
  }

  /**
   * A scan of basket documents; a page may hold fewer than {@code limit} (markers are filtered
   * out).
   */
  Page<Basket> findAll(int limit, @Nullable String nextToken) {
    var startKey = PageTokens.decode(nextToken, TABLE_KEY);
    var response =
        dynamoDb.scan(
            r ->
                r.tableName(table)
                    .filterExpression("#sk = :document AND #expiresAt > :now")
                    .expressionAttributeNames(
                        Map.of("#sk", BasketItems.SK, "#expiresAt", BasketItems.EXPIRES_AT))
                    .expressionAttributeValues(
                        Map.of(
                            ":document", AttributeValue.fromS(BasketItems.DOCUMENT),
                            ":now", BasketItems.number(clock.instant().getEpochSecond())))
                    .limit(limit)
                    .exclusiveStartKey(startKey));
    return PageTokens.page(
        response.items(), response.lastEvaluatedKey(), BasketItems::fromDocument);
  }

  /**
   * One page of the users whose baskets may hold the product (from markers, so possibly a few stale
   * ones); {@code pageToken} is the previous page's {@code nextToken}.
   */
  Page<String> usersHolding(String productId, @Nullable String pageToken, int limit) {
    var startKey = PageTokens.decode(pageToken, PRODUCT_INDEX_KEY);
    var page =
        dynamoDb.query(
            r ->
                r.tableName(table)
                    .indexName(productIndex)
                    .keyConditionExpression("#productId = :productId")
                    .expressionAttributeNames(Map.of("#productId", BasketItems.PRODUCT_ID))
                    .expressionAttributeValues(
                        Map.of(":productId", AttributeValue.fromS(productId)))
                    .limit(limit)
                    .exclusiveStartKey(startKey));
    return PageTokens.page(
        page.items(),
        page.lastEvaluatedKey(),
        item -> Attributes.required(item, BasketItems.USER_NAME).s());
  }

  /**
   * Writes a user's change: the document, conditional on {@code previous}'s version (or on there
   * being no live basket if {@code previous} was never stored), with the markers of its products.
   */
  void save(Basket basket, Basket previous) {
    Supplier<ConcurrentBasketChangeException> concurrent =
        () -> new ConcurrentBasketChangeException(basket.userName());
    var transaction =
        outbox
            .begin()
            .write(
                TransactWriteItem.builder().put(documentPut(basket, previous)).build(), concurrent);
    basket
        .productIds()
        .forEach(productId -> transaction.write(BasketItems.putMarker(table, basket, productId)));
    var removed = new ArrayList<>(previous.productIds());
    removed.removeAll(basket.productIds());
    // Past DynamoDB's item limit a marker is left behind, which is tolerated (see the class
    // comment).
    removed.stream()
        .limit(Math.max(0, MAX_TRANSACTION_ITEMS - 1 - basket.productIds().size()))
        .forEach(
            productId ->
                transaction.write(BasketItems.deleteMarker(table, basket.userName(), productId)));
    transaction.commit(concurrent);
  }

  /** Writes a system change (repricing) of the document alone; its products are unchanged. */
  void saveDocument(Basket basket, Basket previous) {
    try {
      dynamoDb.putItem(
          r -> {
            var put = documentPut(basket, previous);
            r.tableName(table)
                .item(put.item())
                .conditionExpression(put.conditionExpression())
                .expressionAttributeNames(put.expressionAttributeNames())
                .expressionAttributeValues(put.expressionAttributeValues());
          });
    } catch (ConditionalCheckFailedException e) {
      throw new ConcurrentBasketChangeException(basket.userName());
    }
  }

  /**
   * Deletes the basket if it is live (and at {@code expectedVersion}, if given); false if it is
   * not.
   */
  boolean delete(String userName, @Nullable Long expectedVersion) {
    var names =
        new HashMap<>(
            Map.of("#userName", BasketItems.USER_NAME, "#expiresAt", BasketItems.EXPIRES_AT));
    var values =
        new HashMap<>(Map.of(":now", BasketItems.number(clock.instant().getEpochSecond())));
    var condition = "attribute_exists(#userName) AND #expiresAt > :now";
    if (expectedVersion != null) {
      condition += " AND #version = :expected";
      names.put("#version", BasketItems.VERSION);
      values.put(":expected", BasketItems.number(expectedVersion));
    }
    var finalCondition = condition;
    try {
      dynamoDb.deleteItem(
          r ->
              r.tableName(table)
                  .key(BasketItems.documentKey(userName))
                  .conditionExpression(finalCondition)
                  .expressionAttributeNames(names)
                  .expressionAttributeValues(values));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  /**
   * The checkout's part of its transaction: delete the document only if it is still at the version
   * the checkout read, so of two concurrent checkouts exactly one can commit; if not, {@code
   * whenChanged} is the transaction's answer.
   */
  public void deleteUnchanged(
      OutboxTransaction transaction,
      Basket basket,
      Supplier<? extends RuntimeException> whenChanged) {
    var delete =
        Delete.builder()
            .tableName(table)
            .key(BasketItems.documentKey(basket.userName()))
            .conditionExpression("#version = :read")
            .expressionAttributeNames(Map.of("#version", BasketItems.VERSION))
            .expressionAttributeValues(Map.of(":read", BasketItems.number(basket.version())))
            .build();
    transaction.write(TransactWriteItem.builder().delete(delete).build(), whenChanged);
  }

  private Put documentPut(Basket basket, Basket previous) {
    var put = Put.builder().tableName(table).item(BasketItems.document(basket));
    if (previous.isNew()) {
      return put.conditionExpression("attribute_not_exists(#userName) OR #expiresAt <= :now")
          .expressionAttributeNames(
              Map.of("#userName", BasketItems.USER_NAME, "#expiresAt", BasketItems.EXPIRES_AT))
          .expressionAttributeValues(
              Map.of(":now", BasketItems.number(clock.instant().getEpochSecond())))
          .build();
    }
    return put.conditionExpression("#version = :read")
        .expressionAttributeNames(Map.of("#version", BasketItems.VERSION))
        .expressionAttributeValues(Map.of(":read", BasketItems.number(previous.version())))
        .build();
  }
}
