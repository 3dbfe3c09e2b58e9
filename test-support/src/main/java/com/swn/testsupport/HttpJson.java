package com.swn.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small JSON-over-HTTP client for tests that talk to a running service like a real client. */
public final class HttpJson {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;
  private final @Nullable Authorization authorization;

  /** The {@code Authorization} header of a request, or {@code null} for none. */
  @FunctionalInterface
  public interface Authorization {
    @Nullable String header(String method, String path, @Nullable String body);
  }

  public HttpJson(String baseUrl) {
    this(baseUrl, null);
  }

  /** A client that sends what {@code authorization} says unless a request names its own header. */
  public HttpJson(String baseUrl, @Nullable Authorization authorization) {
    this.baseUrl = baseUrl;
    this.authorization = authorization;
  }

  /** The same client without any token. */
  public HttpJson anonymous() {
    return new HttpJson(baseUrl, null);
  }

  public record Response(int status, Map<String, java.util.List<String>> headers, String body) {

    public JsonNode json() {
      return JSON.readTree(body);
    }

    public @Nullable String header(String name) {
      return headers.entrySet().stream()
          .filter(entry -> entry.getKey().equalsIgnoreCase(name))
          .map(entry -> entry.getValue().getFirst())
          .findFirst()
          .orElse(null);
    }
  }

  public Response get(String path, String... headers) {
    return send("GET", path, null, headers);
  }

  public Response post(String path, String body, String... headers) {
    return send("POST", path, body, headers);
  }

  public Response put(String path, String body, String... headers) {
    return send("PUT", path, body, headers);
  }

  public Response delete(String path, String... headers) {
    return send("DELETE", path, null, headers);
  }

  public Response send(String method, String path, @Nullable String body, String... headers) {
    var request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    boolean ownAuthorization = false;
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
      ownAuthorization |= headers[i].equalsIgnoreCase("Authorization");
    }
    if (!ownAuthorization && authorization != null) {
      var header = authorization.header(method, path, body);
      if (header != null) {
        request.header("Authorization", header);
      }
    }
    try {
      var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
