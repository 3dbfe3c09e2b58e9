package com.swn.platform.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The versioned envelope every integration event travels in, as the EventBridge {@code detail}.
 * Consumers deduplicate on {@code eventId}, dispatch on {@code eventType} and {@code
 * schemaVersion}, and carry {@code correlationId} into their own logs.
 *
 * @param <T> the event's payload, a record named in the past tense
 */
public record EventEnvelope<T>(
    UUID eventId,
    String eventType,
    int schemaVersion,
    Instant occurredAt,
    String correlationId,
    String producer,
    T data) {}
