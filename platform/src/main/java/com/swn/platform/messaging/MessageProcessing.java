package com.swn.platform.messaging;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs a listener's work for one message as an observation named {@value #NAME}: a consumer span in
 * the trace the message carries (continued from its {@code traceparent}, so the trace id in the
 * logs is the one of the request that caused the message) and a timer of the processing time,
 * tagged by message {@code kind} and {@code error}. Every SQS listener of the system goes through
 * this.
 */
public final class MessageProcessing {

  /** The observation, and so the timer {@code messages.processing}. */
  public static final String NAME = "messages.processing";

  private final ObservationRegistry registry;

  public MessageProcessing(ObservationRegistry registry) {
    this.registry = registry;
  }

  /** For code and tests that run outside an application context: measured nowhere. */
  public static MessageProcessing unobserved() {
    return new MessageProcessing(ObservationRegistry.NOOP);
  }

  public void process(ReceivedEvent event, Runnable work) {
    process(event.eventType(), event.traceparent(), work);
  }

  public void process(String kind, @Nullable String traceparent, Runnable work) {
    process(
        kind,
        traceparent,
        () -> {
          work.run();
          return null;
        });
  }

  public <T extends @Nullable Object> T process(
      String kind, @Nullable String traceparent, Supplier<T> work) {
    try (var ignored = Traceparents.continueFrom(traceparent)) {
      return Observation.createNotStarted(NAME, registry)
          .contextualName("process " + kind)
          .lowCardinalityKeyValue(KeyValue.of("kind", kind))
          .observe(work);
    }
  }
}
