package com.swn.platform.web;

import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * The request id travels in the {@code X-Request-Id} header, the logging MDC and event envelopes.
 */
public final class RequestIds {

  public static final String HEADER = "X-Request-Id";
  public static final String MDC_KEY = "requestId";

  /** Ids from clients end up in logs and events: accept only short, plain tokens. */
  private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._-]{1,128}");

  private RequestIds() {}

  public static String acceptOrGenerate(@Nullable String candidate) {
    return candidate != null && ACCEPTABLE.matcher(candidate).matches()
        ? candidate
        : UUID.randomUUID().toString();
  }

  /**
   * The current request's id, or a fresh one for work that no request started (a sweep, a poll).
   */
  public static String currentOrNew() {
    var current = MDC.get(MDC_KEY);
    return current != null ? current : UUID.randomUUID().toString();
  }

  public static @Nullable String current() {
    return MDC.get(MDC_KEY);
  }
}
