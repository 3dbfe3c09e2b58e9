package com.swn.basket.basket;

import com.swn.basket.BasketProperties;
import com.swn.platform.dynamodb.Attributes;
import com.swn.platform.dynamodb.BatchRead;
import com.swn.platform.dynamodb.PageTokens;
import com.swn.platform.outbox.OutboxTransaction;
import com.swn.platform.outbox.TransactionalOutbox;
import com.swn.platform.web.Page;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
 * the document and the markers it changes in one transaction (or the document alone, if none);
 * markers of removed products are deleted in it too, and a marker left behind (after a delete or
 * checkout) is harmless: repricing skips a basket that no longer holds the product, and the TTL
 * removes the marker. An expired basket the TTL has not yet removed is treated as absent.
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
  private final Duration ttl;
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
    this.ttl = properties.ttl();
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
   *
   * <p>Markers expire after their basket ({@link BasketItems#markerExpiry}). While the basket's
   * expiry stays in the same TTL period, which the document's {@code markersExpireAt} proves, only
   * the markers of added and removed products are written: a change of quantity is one {@code
   * PutItem}, not a transaction that rewrites every marker. Otherwise (a new period, a new basket,
   * or a document written before markers outlived baskets) every marker is written again.
   */
  void save(Basket basket, Basket previous) {
    var markersExpireAt = BasketItems.markerExpiry(basket.expiresAt(), ttl);
    var removed = new ArrayList<>(previous.productIds());
    removed.removeAll(basket.productIds());
    if (!previous.isNew()) {
      try {
        saveChangedMarkers(basket, previous, removed, markersExpireAt);
        return;
      } catch (MarkersOutdated e) {
        // The stored markers expire at another instant: rewrite them all, below. If the basket
        // changed meanwhile instead, that write fails on the version as well.
      }
    }
    saveAllMarkers(basket, previous, removed, markersExpireAt);
  }

  private void saveChangedMarkers(
      Basket basket, Basket previous, List<String> removed, Instant markersExpireAt) {
    var added = new ArrayList<>(basket.productIds());
    added.removeAll(previous.productIds());
    var document =
        documentPut(
            basket,
            "#version = :read AND #markersExpireAt = :markersExpireAt",
            Map.of(
                "#version", BasketItems.VERSION, "#markersExpireAt", BasketItems.MARKERS_EXPIRE_AT),
            Map.of(
                ":read", BasketItems.number(previous.version()),
                ":markersExpireAt", BasketItems.number(markersExpireAt.getEpochSecond())),
            markersExpireAt);
    if (added.isEmpty() && removed.isEmpty()) {
      try {
        dynamoDb.putItem(
            r ->
                r.tableName(table)
                    .item(document.item())
                    .conditionExpression(document.conditionExpression())
                    .expressionAttributeNames(document.expressionAttributeNames())
                    .expressionAttributeValues(document.expressionAttributeValues()));
      } catch (ConditionalCheckFailedException e) {
        throw new MarkersOutdated();
      }
      return;
    }
    var transaction =
        outbox
            .begin()
            .write(TransactWriteItem.builder().put(document).build(), MarkersOutdated::new);
    added.forEach(
        productId ->
            transaction.write(
                BasketItems.putMarker(table, basket.userName(), productId, markersExpireAt)));
    writeMarkerDeletes(transaction, basket, removed, added.size());
    transaction.commit(() -> new ConcurrentBasketChangeException(basket.userName()));
  }

  private void saveAllMarkers(
      Basket basket, Basket previous, List<String> removed, Instant markersExpireAt) {
    Supplier<ConcurrentBasketChangeException> concurrent =
        () -> new ConcurrentBasketChangeException(basket.userName());
    var document =
        previous.isNew()
            ? documentPut(
                basket,
                "attribute_not_exists(#userName) OR #expiresAt <= :now",
                Map.of("#userName", BasketItems.USER_NAME, "#expiresAt", BasketItems.EXPIRES_AT),
                Map.of(":now", BasketItems.number(clock.instant().getEpochSecond())),
                markersExpireAt)
            : documentPut(
                basket,
                "#version = :read",
                Map.of("#version", BasketItems.VERSION),
                Map.of(":read", BasketItems.number(previous.version())),
                markersExpireAt);
    var transaction =
        outbox.begin().write(TransactWriteItem.builder().put(document).build(), concurrent);
    basket
        .productIds()
        .forEach(
            productId ->
                transaction.write(
                    BasketItems.putMarker(table, basket.userName(), productId, markersExpireAt)));
    writeMarkerDeletes(transaction, basket, removed, basket.productIds().size());
    transaction.commit(concurrent);
  }

  /**
   * Past DynamoDB's item limit a marker is left behind, which is tolerated (see the class comment).
   */
  private void writeMarkerDeletes(
      OutboxTransaction transaction, Basket basket, List<String> removed, int markerPuts) {
    removed.stream()
        .limit(Math.max(0, MAX_TRANSACTION_ITEMS - 1 - markerPuts))
        .forEach(
            productId ->
                transaction.write(BasketItems.deleteMarker(table, basket.userName(), productId)));
  }

  /**
   * Writes a system change (repricing) of the lines alone: its products, its expiry and its
   * markers' expiry are unchanged, so only the lines, the version and the time are set.
   */
  void saveDocument(Basket basket, Basket previous) {
    try {
      dynamoDb.updateItem(
          r ->
              r.tableName(table)
                  .key(BasketItems.documentKey(basket.userName()))
                  .updateExpression(
                      "SET #items = :items, #version = :version, #updatedAt = :updatedAt")
                  .conditionExpression("#version = :read")
                  .expressionAttributeNames(
                      Map.of(
                          "#items", BasketItems.ITEMS,
                          "#version", BasketItems.VERSION,
                          "#updatedAt", BasketItems.UPDATED_AT))
                  .expressionAttributeValues(
                      Map.of(
                          ":items", BasketItems.lines(basket),
                          ":version", BasketItems.number(basket.version()),
                          ":updatedAt", BasketItems.updatedAt(basket),
                          ":read", BasketItems.number(previous.version()))));
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

  private Put documentPut(
      Basket basket,
      String condition,
      Map<String, String> names,
      Map<String, AttributeValue> values,
      Instant markersExpireAt) {
    return Put.builder()
        .tableName(table)
        .item(BasketItems.document(basket, markersExpireAt))
        .conditionExpression(condition)
        .expressionAttributeNames(names)
        .expressionAttributeValues(values)
        .build();
  }

  /** The stored markers do not expire at the instant this change would keep. */
  private static final class MarkersOutdated extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MarkersOutdated() {
      super(null, null, false, false);
    }
  }
}
