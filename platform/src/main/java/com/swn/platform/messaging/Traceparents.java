package com.swn.platform.messaging;

import com.google.errorprone.annotations.MustBeClosed;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The trace context of a unit of work as a W3C {@code traceparent}, for the hops no HTTP client or
 * server instruments: an event in the outbox and on EventBridge, a work item on an SQS queue.
 *
 * <p>Micrometer Tracing runs on the OpenTelemetry SDK here, whose context is the one source of the
 * current span; reading and setting it through the OpenTelemetry API keeps producers and records
 * free of a tracer dependency. Spring Cloud AWS's SQS observation cannot serve: it reads the
 * context from SQS message attributes, and a message an EventBridge rule delivers has none of ours.
 */
public final class Traceparents {

  private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
  private static final String HEADER = "traceparent";

  private static final TextMapGetter<@Nullable String> SINGLE =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(@Nullable String carrier) {
          return List.of(HEADER);
        }

        @Override
        public @Nullable String get(@Nullable String carrier, String key) {
          return HEADER.equals(key) ? carrier : null;
        }
      };

  private Traceparents() {}

  /** The current span's context, or null outside any trace. */
  public static @Nullable String current() {
    var context = Span.current().getSpanContext();
    if (!context.isValid()) {
      return null;
    }
    return "00-"
        + context.getTraceId()
        + "-"
        + context.getSpanId()
        + "-"
        + context.getTraceFlags().asHex();
  }

  /** The current trace id: the request id every log line and problem document quotes. */
  public static @Nullable String currentTraceId() {
    var context = Span.current().getSpanContext();
    return context.isValid() ? context.getTraceId() : null;
  }

  /** The current trace id, or a fresh id of the same form for work no trace covers. */
  public static String currentTraceIdOrNew() {
    var traceId = currentTraceId();
    return traceId != null ? traceId : UUID.randomUUID().toString().replace("-", "");
  }

  /**
   * Makes {@code traceparent} the parent of the spans started until the scope closes. A missing or
   * malformed one opens nothing: the work then starts a trace of its own.
   */
  @MustBeClosed
  public static Scope continueFrom(@Nullable String traceparent) {
    if (traceparent == null) {
      return Scope.noop();
    }
    Context extracted = W3C.extract(Context.root(), traceparent, SINGLE);
    SpanContext remote = Span.fromContext(extracted).getSpanContext();
    return remote.isValid() ? extracted.makeCurrent() : Scope.noop();
  }
}
