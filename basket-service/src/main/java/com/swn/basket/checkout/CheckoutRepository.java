package com.swn.basket.checkout;

import com.swn.basket.BasketProperties;
import com.swn.basket.basket.Basket;
import com.swn.basket.basket.BasketRepository;
import com.swn.platform.outbox.Outbox;
import com.swn.platform.outbox.OutboxEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Repository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The checkout's one transaction, and the idempotency records it leaves. In a single {@code
 * TransactWriteItems}: (0) the basket document is deleted if still at the version read, (1) the
 * idempotency record is created if the key is unused, (2) the {@code CheckoutBasket} event is put
 * in the outbox. All three happen or none: the basket disappears only together with the event that
 * becomes the order, and a key answers exactly one checkout.
 */
@Repository
class CheckoutRepository {

  private static final int BASKET = 0;
  private static final int IDEMPOTENCY = 1;

  private static final String KEY = "key";
  private static final String REQUEST_HASH = "requestHash";
  private static final String ORDER_ID = "orderId";
  private static final String USER_NAME = "userName";
  private static final String TOTAL_PRICE = "totalPrice";
  private static final String STATUS = "status";

  /**
   * Until when the answer is replayed. Deliberately not the table's TTL attribute ({@code
   * expiresAt}): the record must outlive its answer, or a late retry would check out again.
   */
  private static final String ANSWER_UNTIL = "answerUntil";

  /** Records written before {@link #ANSWER_UNTIL} existed (the TTL removes them in time). */
  private static final String LEGACY_EXPIRES_AT = "expiresAt";

  private final DynamoDbClient dynamoDb;
  private final BasketRepository baskets;
  private final Outbox outbox;
  private final String table;

  CheckoutRepository(
      DynamoDbClient dynamoDb,
      BasketRepository baskets,
      Outbox outbox,
      BasketProperties properties) {
    this.dynamoDb = dynamoDb;
    this.baskets = baskets;
    this.outbox = outbox;
    this.table = properties.idempotencyTable();
  }

  /** The record of an earlier checkout with this key, however old. */
  Optional<IdempotencyRecord> find(String key) {
    var response =
        dynamoDb.getItem(
            r ->
                r.tableName(table)
                    .key(Map.of(KEY, AttributeValue.fromS(key)))
                    .consistentRead(true));
    if (!response.hasItem() || response.item().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(fromItem(response.item()));
  }

  /**
   * Commits the checkout.
   *
   * @throws IdempotencyKeyTakenException if another checkout with the same key committed first
   * @throws BasketChangedException if the basket changed or was checked out since it was read
   */
  void commit(Basket basket, IdempotencyRecord record, OutboxEvent event) {
    var items = List.of(baskets.deleteUnchanged(basket), put(record), outbox.put(event));
    try {
      dynamoDb.transactWriteItems(r -> r.transactItems(items));
    } catch (TransactionCanceledException e) {
      var reasons =
          e.hasCancellationReasons() ? e.cancellationReasons() : List.<CancellationReason>of();
      if (failedCondition(reasons, IDEMPOTENCY)) {
        throw new IdempotencyKeyTakenException();
      }
      if (failedCondition(reasons, BASKET)
          || reasons.stream().anyMatch(r -> "TransactionConflict".equals(r.code()))) {
        throw new BasketChangedException(basket.userName());
      }
      throw e;
    }
  }

  private TransactWriteItem put(IdempotencyRecord record) {
    var put =
        Put.builder()
            .tableName(table)
            .item(toItem(record))
            .conditionExpression("attribute_not_exists(#key)")
            .expressionAttributeNames(Map.of("#key", KEY))
            .build();
    return TransactWriteItem.builder().put(put).build();
  }

  private static boolean failedCondition(List<CancellationReason> reasons, int index) {
    return reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code());
  }

  private static Map<String, AttributeValue> toItem(IdempotencyRecord record) {
    var response = record.response();
    return Map.of(
        KEY, AttributeValue.fromS(record.key()),
        REQUEST_HASH, AttributeValue.fromS(record.requestHash()),
        ORDER_ID, AttributeValue.fromS(response.orderId().toString()),
        USER_NAME, AttributeValue.fromS(response.userName()),
        TOTAL_PRICE, AttributeValue.fromN(response.totalPrice().toPlainString()),
        STATUS, AttributeValue.fromS(response.status()),
        ANSWER_UNTIL, AttributeValue.fromN(Long.toString(record.answerUntil().getEpochSecond())));
  }

  private static IdempotencyRecord fromItem(Map<String, AttributeValue> item) {
    var response =
        new CheckoutAccepted(
            UUID.fromString(item.get(ORDER_ID).s()),
            item.get(USER_NAME).s(),
            new BigDecimal(item.get(TOTAL_PRICE).n()).setScale(2),
            item.get(STATUS).s());
    return new IdempotencyRecord(
        item.get(KEY).s(),
        item.get(REQUEST_HASH).s(),
        response,
        Instant.ofEpochSecond(
            Long.parseLong(item.getOrDefault(ANSWER_UNTIL, item.get(LEGACY_EXPIRES_AT)).n())));
  }
}
