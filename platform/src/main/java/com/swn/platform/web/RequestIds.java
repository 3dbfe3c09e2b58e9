package com.swn.platform.web;

import com.swn.platform.messaging.Traceparents;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The request id is the request's trace id: what {@code X-Request-Id} answers, what every problem
 * document quotes as {@code requestId}, what every log line of the request carries as {@code
 * trace.id}, and what X-Ray and any OTLP backend index the trace by. A caller who wants to choose
 * it sends a W3C {@code traceparent}; an {@code X-Request-Id} sent by the caller is not read.
 */
public final class RequestIds {

  public static final String HEADER = "X-Request-Id";

  private static final String ATTRIBUTE = RequestIds.class.getName();

  private RequestIds() {}

  /**
   * The request's id: the request's trace id, else (a request the container refused before any
   * filter ran, so no trace covers it) a new one of the same form, from {@link Traceparents};
   * remembered for the rest of the request.
   */
  public static String of(HttpServletRequest request) {
    if (request.getAttribute(ATTRIBUTE) instanceof String id) {
      return id;
    }
    var id = Traceparents.currentTraceIdOrNew();
    request.setAttribute(ATTRIBUTE, id);
    return id;
  }
}
