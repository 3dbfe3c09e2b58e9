package com.swn.ordering.order;

import com.swn.ordering.OrderingProperties;
import com.swn.platform.dynamodb.InvalidPageTokenException;
import com.swn.platform.dynamodb.PageTokens;
import com.swn.platform.web.Page;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Orders in DynamoDB, keyed by {@code userName} + {@code orderId}; the date index lists a user's
 * orders by {@code orderDate}. Every write is a single conditional write: creation only if the
 * order does not exist yet, a change only if the version is still the one that was read.
 */
@Repository
class OrderRepository {

  private static final Set<String> TABLE_KEY = Set.of(OrderItems.USER_NAME, OrderItems.ORDER_ID);

  /** An index's LastEvaluatedKey holds the index key and the table key. */
  private static final Set<String> DATE_INDEX_KEY =
      Set.of(OrderItems.USER_NAME, OrderItems.ORDER_ID, OrderItems.ORDER_DATE);

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final String dateIndex;

  OrderRepository(DynamoDbClient dynamoDb, OrderingProperties properties) {
    this.dynamoDb = dynamoDb;
    this.table = properties.table();
    this.dateIndex = properties.dateIndex();
  }

  /**
   * Creates the order, recording the event that placed it, in one conditional put. The order id is
   * the idempotency key: if the order exists (a redelivery, or a second event for the same
   * checkout) nothing is written.
   *
   * @return false if the order existed already
   */
  boolean insert(Order order, UUID eventId) {
    try {
      dynamoDb.putItem(
          request ->
              request
                  .tableName(table)
                  .item(OrderItems.toItem(order, eventId))
                  .conditionExpression("attribute_not_exists(#orderId)")
                  .expressionAttributeNames(Map.of("#orderId", OrderItems.ORDER_ID)));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  Optional<Order> find(String userName, String orderId) {
    var response =
        dynamoDb.getItem(
            request ->
                request
                    .tableName(table)
                    .key(OrderItems.key(userName, orderId))
                    .consistentRead(true));
    return response.hasItem() && !response.item().isEmpty()
        ? Optional.of(OrderItems.fromItem(response.item()))
        : Optional.empty();
  }

  Page<Order> findByUserNewestFirst(String userName, int limit, @Nullable String nextToken) {
    var startKey = PageTokens.decode(nextToken, DATE_INDEX_KEY);
    if (startKey != null && !userName.equals(startKey.get(OrderItems.USER_NAME).s())) {
      throw new InvalidPageTokenException();
    }
    var response =
        dynamoDb.query(
            request ->
                request
                    .tableName(table)
                    .indexName(dateIndex)
                    .keyConditionExpression("#userName = :userName")
                    .expressionAttributeNames(Map.of("#userName", OrderItems.USER_NAME))
                    .expressionAttributeValues(Map.of(":userName", AttributeValue.fromS(userName)))
                    .scanIndexForward(false)
                    .limit(limit)
                    .exclusiveStartKey(startKey));
    return new Page<>(
        response.items().stream().map(OrderItems::fromItem).toList(),
        PageTokens.encode(response.lastEvaluatedKey()));
  }

  Page<Order> findAll(int limit, @Nullable String nextToken) {
    var startKey = PageTokens.decode(nextToken, TABLE_KEY);
    var response =
        dynamoDb.scan(request -> request.tableName(table).limit(limit).exclusiveStartKey(startKey));
    return new Page<>(
        response.items().stream().map(OrderItems::fromItem).toList(),
        PageTokens.encode(response.lastEvaluatedKey()));
  }

  /**
   * Writes the order's new status and version if, and only if, the stored version is still {@code
   * expectedVersion} (which also fails if the order is gone).
   *
   * @return false if the stored order was not at {@code expectedVersion}
   */
  boolean update(Order order, long expectedVersion) {
    try {
      dynamoDb.updateItem(
          request ->
              request
                  .tableName(table)
                  .key(OrderItems.key(order.userName(), order.orderId()))
                  .updateExpression("SET #status = :status, #version = :version")
                  .conditionExpression("#version = :expected")
                  .expressionAttributeNames(
                      Map.of("#status", OrderItems.STATUS, "#version", OrderItems.VERSION))
                  .expressionAttributeValues(
                      Map.of(
                          ":status", AttributeValue.fromS(order.status().name()),
                          ":version", OrderItems.number(order.version()),
                          ":expected", OrderItems.number(expectedVersion)))
                  .returnValues(ReturnValue.NONE));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }
}
