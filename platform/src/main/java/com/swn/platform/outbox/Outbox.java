package com.swn.platform.outbox;

import com.swn.platform.dynamodb.Attributes;
import java.time.Instant;
import java.util.HashMap;
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
  static final String TRACEPARENT = "traceparent";

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
    var item = new HashMap<String, AttributeValue>();
    item.put(ID, AttributeValue.fromS(event.id()));
    item.put(SOURCE, AttributeValue.fromS(event.source()));
    item.put(DETAIL_TYPE, AttributeValue.fromS(event.detailType()));
    item.put(DETAIL, AttributeValue.fromS(event.detail()));
    item.put(CREATED_AT, AttributeValue.fromN(Long.toString(event.createdAt().toEpochMilli())));
    if (event.traceparent() != null) {
      item.put(TRACEPARENT, AttributeValue.fromS(event.traceparent()));
    }
    return Map.copyOf(item);
  }

  static OutboxEvent fromItem(Map<String, AttributeValue> item) {
    var traceparent = item.get(TRACEPARENT);
    return new OutboxEvent(
        Attributes.required(item, ID).s(),
        Attributes.required(item, SOURCE).s(),
        Attributes.required(item, DETAIL_TYPE).s(),
        Attributes.required(item, DETAIL).s(),
        Instant.ofEpochMilli(Long.parseLong(Attributes.required(item, CREATED_AT).n())),
        traceparent == null ? null : traceparent.s());
  }
}
