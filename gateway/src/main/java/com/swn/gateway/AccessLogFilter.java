package com.swn.gateway;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One INFO line per request. Runs inside Boot's HTTP server observation (order {@code
 * HIGHEST_PRECEDENCE + 1}) so the line carries the request's trace and span ids; the values are
 * also key-value pairs so that structured logs carry them as fields.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class AccessLogFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger("com.swn.gateway.access");

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long start = System.nanoTime();
    try {
      chain.doFilter(request, response);
    } finally {
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      String method = request.getMethod();
      String path = request.getRequestURI();
      int status = response.getStatus();
      log.atInfo()
          .addKeyValue("http.request.method", method)
          .addKeyValue("url.path", path)
          .addKeyValue("http.response.status_code", status)
          .addKeyValue("event.duration_ms", millis)
          .log("{} {} {} {}ms", method, path, status, millis);
    }
  }
}
