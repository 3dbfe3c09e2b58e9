package com.swn.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.swn.platform.PlatformProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/** Every event is checked against its published schema when it is created, before any commit. */
class EventFactoryTest {

  record ProductDeleted(String productId, long version) implements IntegrationEvent {}

  record Unpublished(String anything) implements IntegrationEvent {}

  private final EventFactory events =
      new EventFactory(
          JsonMapper.builder().build(),
          new PlatformProperties.Events("SwnEventBus", "com.swn.test"),
          Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC));

  @Test
  void createsAnEventThatMatchesItsContract() {
    var event = events.create(new ProductDeleted("p-1", 3));

    assertThat(event.detailType()).isEqualTo("ProductDeleted");
    assertThat(event.source()).isEqualTo("com.swn.test");
    assertThat(event.detail())
        .contains("\"productId\":\"p-1\"")
        .contains("\"occurredAt\":\"2026-12-01T00:00:00Z\"");
  }

  @Test
  void refusesAnEventThatBreaksItsContractOrHasNone() {
    assertThatThrownBy(() -> events.create(new ProductDeleted("", 0)))
        .isInstanceOfSatisfying(
            InvalidEventException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
              assertThat(e.getBody().getProperties()).containsKey("violations");
            });
    assertThatThrownBy(() -> events.create(new Unpublished("x")))
        .isInstanceOf(InvalidEventException.class);
  }
}
