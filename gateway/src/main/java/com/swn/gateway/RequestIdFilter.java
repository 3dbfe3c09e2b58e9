package com.swn.gateway;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request one {@code X-Request-Id}: the caller's if it is sane, a new UUID otherwise.
 * The id is forwarded upstream (the proxy copies the wrapped request's headers), echoed to the
 * caller, and put in the MDC so each log line of the request carries it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

  static final String HEADER = "X-Request-Id";
  static final String MDC_KEY = "requestId";

  private static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

  // Bounded and free of separators so that a caller cannot forge log fields or bloat headers.
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,128}");

  static @Nullable String of(HttpServletRequest request) {
    return (String) request.getAttribute(ATTRIBUTE);
  }

  /**
   * The request's id; for a request Tomcat refused before this filter ran, one made now (from a
   * sane caller's header, as always) and echoed.
   */
  static String ensure(HttpServletRequest request, HttpServletResponse response) {
    String id = of(request);
    if (id == null) {
      id = response.getHeader(HEADER);
    }
    if (id == null) {
      id = saneOrNew(request.getHeader(HEADER));
      request.setAttribute(ATTRIBUTE, id);
      response.setHeader(HEADER, id);
    }
    return id;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String id = saneOrNew(request.getHeader(HEADER));
    request.setAttribute(ATTRIBUTE, id);
    response.setHeader(HEADER, id);
    MDC.put(MDC_KEY, id);
    try {
      chain.doFilter(new WithRequestId(request, id), response);
    } finally {
      MDC.remove(MDC_KEY);
    }
  }

  private static String saneOrNew(@Nullable String candidate) {
    return candidate != null && SANE.matcher(candidate).matches()
        ? candidate
        : UUID.randomUUID().toString();
  }

  /** Replaces whatever the caller sent as X-Request-Id (none, several, bad) with the one id. */
  private static final class WithRequestId extends HttpServletRequestWrapper {

    private final String id;

    WithRequestId(HttpServletRequest request, String id) {
      super(request);
      this.id = id;
    }

    @Override
    public @Nullable String getHeader(String name) {
      return HEADER.equalsIgnoreCase(name) ? id : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return HEADER.equalsIgnoreCase(name)
          ? Collections.enumeration(Set.of(id))
          : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
      Set<String> names = new LinkedHashSet<>();
      for (String name : Collections.list(super.getHeaderNames())) {
        if (!HEADER.equalsIgnoreCase(name)) {
          names.add(name);
        }
      }
      names.add(HEADER);
      return Collections.enumeration(names);
    }
  }
}
