package com.swn.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The context a message carries becomes the parent of its processing; anything else opens nothing.
 */
class TraceparentsTest {

  private static final String TRACEPARENT =
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  @Test
  void continuesTheTraceOfAWellFormedTraceparent() {
    try (var ignored = Traceparents.continueFrom(TRACEPARENT)) {
      assertThat(Traceparents.currentTraceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
      assertThat(Traceparents.current()).isEqualTo(TRACEPARENT);
    }
    assertThat(Traceparents.current()).isNull();
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "",
        "garbage",
        "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01"
      })
  void opensNothingForAMissingOrMalformedOne(String traceparent) {
    try (var ignored = Traceparents.continueFrom(traceparent)) {
      assertThat(Traceparents.current()).isNull();
      assertThat(Traceparents.currentTraceIdOrNew()).matches("[0-9a-f]{32}");
    }
  }
}
