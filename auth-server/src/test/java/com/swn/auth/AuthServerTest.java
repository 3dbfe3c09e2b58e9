package com.swn.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The token endpoint as scripts/token, the tests and the load tests call it. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"auth.issuer=http://issuer.test:9000", "auth.clients=swn-shop-test"})
class AuthServerTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient client = HttpClient.newHttpClient();
  @LocalServerPort int port;

  private HttpResponse<String> token(String user, String secret) throws Exception {
    var basic =
        Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/oauth2/token"))
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode claims(HttpResponse<String> response) {
    var jwt = JSON.readTree(response.body()).path("access_token").asString();
    var parts = jwt.split("\\.");
    assertThat(JSON.readTree(Base64.getUrlDecoder().decode(parts[0])).path("alg").asString())
        .isEqualTo("RS256");
    return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
  }

  @Test
  void aCustomersTokenCarriesCognitosClaims() throws Exception {
    var response = token("alice", "demo");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    var claims = claims(response);
    assertThat(claims.path("iss").asString()).isEqualTo("http://issuer.test:9000");
    assertThat(claims.path("username").asString()).isEqualTo("alice");
    assertThat(claims.path("sub").asString())
        .isEqualTo(DemoUsers.subject("alice"))
        .isNotEqualTo("alice");
    assertThat(claims.path("client_id").asString()).isEqualTo("swn-shop-test");
    assertThat(claims.path("token_use").asString()).isEqualTo("access");
    assertThat(claims.has("aud")).as("Cognito access tokens have no aud").isFalse();
    assertThat(claims.has("cognito:groups")).isFalse();
    assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(3600);
  }

  @Test
  void theOperatorIsInTheOperatorsGroup() throws Exception {
    var claims = claims(token("ops", "demo"));

    assertThat(claims.path("cognito:groups").get(0).asString()).isEqualTo("operators");
    assertThat(claims.path("username").asString()).isEqualTo("ops");
  }

  @Test
  void aWrongSecretOrAnInvalidUserNameGetsNoToken() throws Exception {
    assertThat(token("alice", "wrong").statusCode()).isEqualTo(401);
    assertThat(token("checkout", "demo").statusCode()).isEqualTo(401);
    assertThat(token("a b", "demo").statusCode()).isEqualTo(401);
  }

  @Test
  void publishesItsKeyAtCognitosPathAndNothingButTheProbesElse() throws Exception {
    var jwks =
        client.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/.well-known/jwks.json"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    var health =
        client.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    var other =
        client.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(jwks.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(jwks.body()).path("keys").get(0).path("kty").asString())
        .isEqualTo("RSA");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(other.statusCode()).isIn(401, 403);
  }
}
