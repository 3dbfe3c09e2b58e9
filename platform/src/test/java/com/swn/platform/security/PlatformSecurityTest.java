package com.swn.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.swn.testsupport.HttpJson;
import com.swn.testsupport.TestIssuer;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The shared rules over real HTTP, with tokens of an issuer served over HTTP like Cognito's: who
 * gets a 401 (with {@code WWW-Authenticate}), who a 403, both problem documents, and that neither
 * reaches a controller.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.cloud.aws.region.static=eu-west-1",
      "spring.cloud.aws.credentials.access-key=test",
      "spring.cloud.aws.credentials.secret-key=test"
    })
class PlatformSecurityTest {

  static final AtomicInteger CALLS = new AtomicInteger();
  private static final TestIssuer ISSUER = TestIssuer.shared();

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import(Things.class)
  static class App {

    @Bean
    AccessRules rules() {
      return new AccessRules() {
        @Override
        public List<PublicRoute> publicRoutes() {
          return List.of(new PublicRoute(HttpMethod.GET, "/things"));
        }

        @Override
        public void authorize(
            org.springframework.security.config.annotation.web.configurers
                            .AuthorizeHttpRequestsConfigurer<
                        org.springframework.security.config.annotation.web.builders.HttpSecurity>
                    .AuthorizationManagerRequestMatcherRegistry
                rules) {
          rules.requestMatchers(HttpMethod.POST, "/things").access(Access.operator());
          rules
              .requestMatchers(HttpMethod.GET, "/users/{userName}/**")
              .access(Access.ownerOrOperator("userName"));
          rules.requestMatchers("/users/{userName}/**").access(Access.owner("userName"));
        }
      };
    }
  }

  @RestController
  static class Things {
    @GetMapping("/things")
    String list() {
      CALLS.incrementAndGet();
      return "things";
    }

    @PostMapping("/things")
    String create() {
      CALLS.incrementAndGet();
      return "created";
    }

    @GetMapping("/users/{userName}/things")
    String read(@PathVariable String userName) {
      CALLS.incrementAndGet();
      return userName + " read by " + Caller.current().userName();
    }

    @PutMapping("/users/{userName}/things")
    String write(@PathVariable String userName) {
      CALLS.incrementAndGet();
      return "written";
    }

    @GetMapping("/me")
    String me() {
      CALLS.incrementAndGet();
      return Caller.current().toString();
    }
  }

  @LocalServerPort int port;
  HttpJson http;

  @BeforeEach
  void client() {
    http = new HttpJson("http://127.0.0.1:" + port);
    CALLS.set(0);
  }

  /**
   * The caller's trace: a 401 or 403 must quote it as its request id, as every other problem does.
   */
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

  private static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

  private static String[] bearer(String token) {
    return new String[] {"Authorization", "Bearer " + token, "traceparent", TRACEPARENT};
  }

  private static void assertProblem(HttpJson.Response response, int status) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.json().path("status").asInt()).isEqualTo(status);
    assertThat(response.json().path("requestId").asString()).isEqualTo(TRACE_ID);
    assertThat(response.header("X-Request-Id")).isEqualTo(TRACE_ID);
    assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
  }

  @Test
  void withoutAValidTokenEveryProtectedRouteIsA401ProblemAndNoControllerRuns() {
    var alice = ISSUER.token("alice");
    var cases =
        List.of(
            new String[] {"traceparent", TRACEPARENT},
            bearer("not-a-jwt"),
            bearer(ISSUER.forgedToken("alice")),
            bearer(
                ISSUER.token(
                    "alice",
                    claims ->
                        claims
                            .issuedAt(Instant.now().minusSeconds(7200))
                            .expiresAt(Instant.now().minusSeconds(3600)))),
            bearer(
                ISSUER.token(
                    "alice",
                    claims ->
                        claims.issuer(
                            "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_other"))),
            bearer(ISSUER.token("alice", claims -> claims.claim("client_id", "another-app"))),
            bearer(ISSUER.token("alice", claims -> claims.claim("token_use", "id"))),
            bearer(alice.substring(0, alice.lastIndexOf('.') + 1) + "c2lnbmF0dXJl"));
    for (var headers : cases) {
      for (var request :
          List.of(
              new String[] {"GET", "/me"},
              new String[] {"POST", "/things"},
              new String[] {"GET", "/users/alice/things"},
              new String[] {"PUT", "/users/alice/things"})) {
        var response = http.send(request[0], request[1], null, headers);
        assertProblem(response, 401);
      }
    }
    assertThat(CALLS).as("no controller was reached").hasValue(0);
  }

  @Test
  void aCustomerGetsOnlyHerOwnResourcesAndOperatorsReadEverything() {
    var alice = bearer(ISSUER.token("alice"));
    var ops = bearer(ISSUER.operatorToken());

    assertThat(http.get("/users/alice/things", alice).body()).isEqualTo("alice read by alice");
    assertThat(http.put("/users/alice/things", "{}", alice).status()).isEqualTo(200);
    assertThat(http.get("/users/bob/things", ops).body()).isEqualTo("bob read by ops");
    assertThat(http.post("/things", "{}", ops).status()).isEqualTo(200);
    assertThat(CALLS).hasValue(4);

    assertProblem(http.get("/users/bob/things", alice), 403);
    assertProblem(http.put("/users/bob/things", "{}", alice), 403);
    assertProblem(http.put("/users/bob/things", "{}", ops), 403);
    assertProblem(http.post("/things", "{}", alice), 403);
    assertThat(CALLS).as("a denied request reaches no controller").hasValue(4);
  }

  @Test
  void publicRoutesProbesAndApiDocumentsNeedNoToken() {
    assertThat(http.get("/things").status()).isEqualTo(200);
    assertThat(http.send("HEAD", "/things", null).status()).isEqualTo(200);
    assertThat(http.get("/actuator/health/liveness").status()).isEqualTo(200);
    assertThat(http.get("/nowhere").status()).as("anything else needs a token").isEqualTo(401);
  }
}
