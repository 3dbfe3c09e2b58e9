package com.swn.e2e;

import com.swn.testsupport.OwnerTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access tokens of the local issuer (auth-server), fetched as {@code scripts/token} fetches them:
 * the {@code client_credentials} grant with the demo user's name and the demo secret. One per user,
 * cached for the JVM (they live an hour).
 */
final class Tokens {

  static final String OPERATOR = "ops";
  private static final String DEMO_SECRET = "demo";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String issuer;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<String, String> cache = new ConcurrentHashMap<>();

  Tokens(String issuer) {
    this.issuer = issuer;
  }

  String issuer() {
    return issuer;
  }

  /** The user's token; fails the test if the issuer refuses it. */
  String of(String userName) {
    var token = tryOf(userName);
    if (token == null) {
      throw new IllegalStateException("The local issuer gave no token to " + userName);
    }
    return token;
  }

  /** The user's token, or {@code null} where the issuer refuses the name (as it refuses "a b"). */
  @Nullable String tryOf(String userName) {
    var cached = cache.get(userName);
    if (cached != null) {
      return cached;
    }
    var basic =
        Base64.getEncoder()
            .encodeToString((userName + ":" + DEMO_SECRET).getBytes(StandardCharsets.UTF_8));
    var request =
        HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
            .build();
    try {
      var response = client.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return null;
      }
      var token = JSON.readTree(response.body()).path("access_token").asString();
      cache.put(userName, token);
      return token;
    } catch (IOException e) {
      throw new IllegalStateException("The local issuer at " + issuer + " did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  String bearer(String userName) {
    return "Bearer " + of(userName);
  }

  OwnerTokens owners() {
    return new OwnerTokens(this::tryOf, () -> of(OPERATOR));
  }
}
