package com.swn.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem document where no Spring MVC handler runs: in servlet filters and in Tomcat's
 * error report valve. The members are those {@link ProblemDetailsAdvice} writes, so a client cannot
 * tell which layer answered.
 */
public final class Problems {

  private static final JsonMapper JSON = JsonMapper.shared();

  private Problems() {}

  /** The problem's members in their wire order; {@code extra} adds e.g. {@code errors}. */
  public static Map<String, Object> body(
      HttpStatus status,
      String title,
      String detail,
      @Nullable String path,
      @Nullable String requestId,
      Map<String, Object> extra) {
    var body = new LinkedHashMap<String, Object>();
    body.put("type", "about:blank");
    body.put("title", title);
    body.put("status", status.value());
    body.put("detail", detail);
    var instance = instance(path);
    if (instance != null) {
      body.put("instance", instance);
    }
    body.putAll(extra);
    if (requestId != null) {
      body.put("requestId", requestId);
    }
    return body;
  }

  /** Answers the request with the problem, from a filter that does not call the chain. */
  public static void write(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpStatus status,
      String title,
      String detail,
      Map<String, Object> extra)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    var requestId = RequestIds.of(request);
    JSON.writeValue(
        response.getOutputStream(),
        body(status, title, detail, request.getRequestURI(), requestId, extra));
  }

  public static byte[] json(Map<String, Object> body) {
    return JSON.writeValueAsBytes(body);
  }

  /** The path as a relative URI, or nothing when the path is not one (it was what went wrong). */
  private static @Nullable String instance(@Nullable String path) {
    if (path == null || path.isEmpty()) {
      return null;
    }
    try {
      return new URI(path).toString();
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
