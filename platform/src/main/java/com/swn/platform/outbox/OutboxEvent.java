package com.swn.platform.outbox;

import java.time.Instant;

/**
 * One event waiting in a service's outbox table, already in the shape of an EventBridge entry.
 *
 * @param id the envelope's event id, also the outbox key
 * @param detail the serialised {@link com.swn.platform.events.EventEnvelope}
 */
public record OutboxEvent(
    String id, String source, String detailType, String detail, Instant createdAt) {}
