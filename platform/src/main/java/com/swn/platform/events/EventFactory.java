package com.swn.platform.events;

import com.swn.contracts.EventContracts;
import com.swn.platform.PlatformProperties;
import com.swn.platform.outbox.OutboxEvent;
import com.swn.platform.web.RequestIds;
import java.time.Clock;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wraps an event in its envelope, serialises it once and checks it against its published schema
 * ({@code event-contracts}), ready for the outbox. Every producer creates its events here before
 * its transaction, so an event that breaks its contract is refused before anything is committed.
 */
public class EventFactory {

  private final JsonMapper jsonMapper;
  private final PlatformProperties.Events settings;
  private final Clock clock;

  public EventFactory(JsonMapper jsonMapper, PlatformProperties.Events settings, Clock clock) {
    if (settings.source().isBlank()) {
      throw new IllegalStateException(
          "platform.events.source must name this service's event source");
    }
    this.jsonMapper = jsonMapper;
    this.settings = settings;
    this.clock = clock;
  }

  public OutboxEvent create(IntegrationEvent event) {
    return create(settings.source(), event);
  }

  /** For events whose source is fixed by a published contract rather than by the service. */
  public OutboxEvent create(String source, IntegrationEvent event) {
    var envelope =
        new EventEnvelope<>(
            UUID.randomUUID(),
            event.eventType(),
            event.schemaVersion(),
            clock.instant(),
            RequestIds.currentOrNew(),
            settings.source(),
            event);
    var detail = jsonMapper.valueToTree(envelope);
    var violations =
        EventContracts.violations(envelope.eventType(), envelope.schemaVersion(), detail);
    if (!violations.isEmpty()) {
      throw new InvalidEventException(envelope.eventType(), violations);
    }
    return new OutboxEvent(
        envelope.eventId().toString(),
        source,
        envelope.eventType(),
        jsonMapper.writeValueAsString(detail),
        envelope.occurredAt());
  }
}
