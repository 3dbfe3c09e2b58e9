package com.swn.gateway;

import io.opentelemetry.api.trace.Span;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers every request with its {@code X-Request-Id}: the trace id of the span Boot's HTTP server
 * observation opened for it (continuing a caller's W3C {@code traceparent}, or a new trace).
 * Tracing puts the ids into each log line and sends {@code traceparent} upstream, so every service
 * of the request logs, and answers, the same id; telling the caller is the part it leaves to us. A
 * caller's own {@code X-Request-Id} is not read: one who wants to choose the id sends a
 * traceparent.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class RequestIdFilter extends OncePerRequestFilter {

  static final String HEADER = "X-Request-Id";

  private static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

  /**
   * The request's id, set on the response; for a request Tomcat refused before any filter ran (no
   * trace covers it), a new one of the same form.
   */
  static String ensure(HttpServletRequest request, HttpServletResponse response) {
    if (request.getAttribute(ATTRIBUTE) instanceof String id) {
      return id;
    }
    var context = Span.current().getSpanContext();
    var id =
        context.isValid() ? context.getTraceId() : UUID.randomUUID().toString().replace("-", "");
    request.setAttribute(ATTRIBUTE, id);
    response.setHeader(HEADER, id);
    return id;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ensure(request, response);
    chain.doFilter(request, response);
  }
}
