package com.swn.platform.outbox;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One event waiting in a service's outbox table, already in the shape of an EventBridge entry.
 *
 * @param id the envelope's event id, also the outbox key
 * @param detail the serialised {@link com.swn.platform.events.EventEnvelope}
 * @param traceparent the envelope's trace context, kept beside it so that the relay's publish joins
 *     the trace without parsing the detail
 */
public record OutboxEvent(
    String id,
    String source,
    String detailType,
    String detail,
    Instant createdAt,
    @Nullable String traceparent) {

  public OutboxEvent(
      String id, String source, String detailType, String detail, Instant createdAt) {
    this(id, source, detailType, detail, createdAt, null);
  }
}
