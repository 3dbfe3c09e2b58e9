package com.swn.platform.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The versioned envelope every integration event travels in, as the EventBridge {@code detail}.
 * Consumers deduplicate on {@code eventId}, dispatch on {@code eventType} and {@code
 * schemaVersion}, and continue the trace of {@code traceparent}.
 *
 * @param correlationId the trace id of the request that caused the event (its request id), or a
 *     fresh id for an event no request caused
 * @param traceparent the W3C trace context of that request, so that the consumer's work joins its
 *     trace; absent for an event no trace covers
 * @param <T> the event's payload, a record named in the past tense
 */
public record EventEnvelope<T>(
    UUID eventId,
    String eventType,
    int schemaVersion,
    Instant occurredAt,
    String correlationId,
    String producer,
    T data,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String traceparent) {}
