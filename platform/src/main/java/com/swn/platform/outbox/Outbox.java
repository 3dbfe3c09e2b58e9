package com.swn.platform.outbox;

import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The write side of the transactional outbox: a service adds {@link #put(OutboxEvent)} to the same
 * {@code TransactWriteItems} call as its state change, so the event exists if and only if the
 * change does. {@link OutboxRelay} publishes it afterwards.
 */
public class Outbox {

  static final String ID = "id";
  static final String SOURCE = "source";
  static final String DETAIL_TYPE = "detailType";
  static final String DETAIL = "detail";
  static final String CREATED_AT = "createdAt";

  /** Epoch millis until which one relay instance holds the entry (see {@link OutboxRelay}). */
  static final String LEASE_UNTIL = "leaseUntil";

  /** Set on an entry no relay can publish; such an entry is never swept again. */
  static final String QUARANTINED_AT = "quarantinedAt";

  static final String QUARANTINE_REASON = "quarantineReason";

  private final String tableName;

  public Outbox(String tableName) {
    this.tableName = tableName;
  }

  public TransactWriteItem put(OutboxEvent event) {
    var put =
        Put.builder()
            .tableName(tableName)
            .item(toItem(event))
            .conditionExpression("attribute_not_exists(#id)")
            .expressionAttributeNames(Map.of("#id", ID))
            .build();
    return TransactWriteItem.builder().put(put).build();
  }

  String tableName() {
    return tableName;
  }

  static Map<String, AttributeValue> toItem(OutboxEvent event) {
    return Map.of(
        ID, AttributeValue.fromS(event.id()),
        SOURCE, AttributeValue.fromS(event.source()),
        DETAIL_TYPE, AttributeValue.fromS(event.detailType()),
        DETAIL, AttributeValue.fromS(event.detail()),
        CREATED_AT, AttributeValue.fromN(Long.toString(event.createdAt().toEpochMilli())));
  }

  static OutboxEvent fromItem(Map<String, AttributeValue> item) {
    return new OutboxEvent(
        item.get(ID).s(),
        item.get(SOURCE).s(),
        item.get(DETAIL_TYPE).s(),
        item.get(DETAIL).s(),
        Instant.ofEpochMilli(Long.parseLong(item.get(CREATED_AT).n())));
  }
}
