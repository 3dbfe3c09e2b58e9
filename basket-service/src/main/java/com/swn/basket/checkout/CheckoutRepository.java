package com.swn.basket.checkout;

import com.swn.basket.BasketProperties;
import com.swn.basket.basket.Basket;
import com.swn.basket.basket.BasketRepository;
import com.swn.platform.dynamodb.Attributes;
import com.swn.platform.outbox.OutboxEvent;
import com.swn.platform.outbox.TransactionalOutbox;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Repository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The checkout's one transaction, and the idempotency records it leaves. In a single {@code
 * TransactWriteItems}: (0) the idempotency record is created if the key is unused, (1) the basket
 * document is deleted if still at the version read, (2) the {@code CheckoutBasket} event is put in
 * the outbox. All three happen or none: the basket disappears only together with the event that
 * becomes the order, and a key answers exactly one checkout.
 */
@Repository
class CheckoutRepository {

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
  private final TransactionalOutbox outbox;
  private final String table;

  CheckoutRepository(
      DynamoDbClient dynamoDb,
      BasketRepository baskets,
      TransactionalOutbox outbox,
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
    Supplier<BasketChangedException> changed = () -> new BasketChangedException(basket.userName());
    // The key's condition first: a checkout that lost to one with the same key replays its answer.
    var transaction = outbox.begin().write(put(record), IdempotencyKeyTakenException::new);
    baskets.deleteUnchanged(transaction, basket, changed);
    transaction.publish(event).commit(changed);
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
    var answerUntil =
        Attributes.required(
            item, item.containsKey(ANSWER_UNTIL) ? ANSWER_UNTIL : LEGACY_EXPIRES_AT);
    var response =
        new CheckoutAccepted(
            UUID.fromString(Attributes.required(item, ORDER_ID).s()),
            Attributes.required(item, USER_NAME).s(),
            new BigDecimal(Attributes.required(item, TOTAL_PRICE).n()).setScale(2),
            Attributes.required(item, STATUS).s());
    return new IdempotencyRecord(
        Attributes.required(item, KEY).s(),
        Attributes.required(item, REQUEST_HASH).s(),
        response,
        Instant.ofEpochSecond(Long.parseLong(answerUntil.n())));
  }
}
