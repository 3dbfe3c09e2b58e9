package com.swn.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP/1.1 over a plain socket, for requests no HTTP client library will send: a malformed request
 * line, a raw backslash or an over-long header. The request goes out byte for byte as given.
 */
public final class RawHttp {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final int port;

  public RawHttp(int port) {
    this.port = port;
  }

  public record Response(int status, Map<String, String> headers, String body) {

    public @Nullable String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public JsonNode json() {
      return JSON.readTree(body);
    }

    /**
     * Fails unless this is the README's error shape: an {@code application/problem+json} document
     * of that status with a title, the request id in header and body alike, and no internals.
     */
    public Response assertProblem(int expectedStatus) {
      var problem =
          failUnless(status == expectedStatus, "status " + expectedStatus) ? json() : null;
      failUnless(
          String.valueOf(header("Content-Type")).startsWith("application/problem+json"),
          "a problem document");
      var requestId = header("X-Request-Id");
      failUnless(requestId != null && !requestId.isBlank(), "an X-Request-Id header");
      failUnless(problem.path("status").asInt() == expectedStatus, "the status in the body");
      failUnless(!problem.path("title").asString().isBlank(), "a title");
      failUnless(
          requestId.equals(problem.path("requestId").asString()),
          "the header's request id in the body");
      for (var internal : new String[] {"Exception", "Tomcat", "tomcat", "at org.", "[Ljava"}) {
        failUnless(!body.contains(internal), "no '" + internal + "' in the body");
      }
      return this;
    }

    /** Like {@link #assertProblem(int)} for any 4xx status. */
    public Response assertClientErrorProblem() {
      failUnless(status >= 400 && status < 500, "a 4xx status");
      return assertProblem(status);
    }

    private boolean failUnless(boolean condition, String expected) {
      if (!condition) {
        throw new AssertionError(
            "Expected " + expected + " but got " + status + " " + headers + "\n" + body);
      }
      return true;
    }
  }

  /** Sends {@code method target HTTP/1.1} with a Host header, the given header lines and body. */
  public Response send(String method, String target, String body, String... headerLines) {
    var request = new StringBuilder();
    request.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
    request.append("Host: localhost\r\nConnection: close\r\n");
    for (var line : headerLines) {
      request.append(line).append("\r\n");
    }
    if (!body.isEmpty()) {
      request
          .append("Content-Length: ")
          .append(body.getBytes(StandardCharsets.UTF_8).length)
          .append("\r\n");
    }
    request.append("\r\n").append(body);
    return exchange(request.toString().getBytes(StandardCharsets.UTF_8));
  }

  public Response get(String target, String... headerLines) {
    return send("GET", target, "", headerLines);
  }

  public Response exchange(byte[] request) {
    try (var socket = new Socket("localhost", port)) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(request);
      socket.getOutputStream().flush();
      var raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      return parse(raw);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Response parse(String raw) {
    int end = raw.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new IllegalStateException("Not an HTTP response: " + raw);
    }
    var lines = raw.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    var headers = new LinkedHashMap<String, String>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.putIfAbsent(
          lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).trim());
    }
    var body = raw.substring(end + 4);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = unchunk(body);
    }
    return new Response(
        status,
        headers,
        new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
  }

  private static String unchunk(String chunked) {
    var out = new StringBuilder();
    int at = 0;
    while (true) {
      int lineEnd = chunked.indexOf("\r\n", at);
      if (lineEnd < 0) {
        return out.toString();
      }
      int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
      if (size == 0) {
        return out.toString();
      }
      out.append(chunked, lineEnd + 2, lineEnd + 2 + size);
      at = lineEnd + 2 + size + 2;
    }
  }
}
