package com.swn.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.swn.testsupport.HttpJson;
import com.swn.testsupport.TestIssuer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The HTTP API authorizer's route rules at the gateway: which requests it refuses (401/403 problem
 * documents; the service never sees them) and which it passes on, token and all.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class EdgeAuthorizationTest {

  private static final StubUpstream PRODUCT = StubUpstream.start("product");
  private static final StubUpstream BASKET = StubUpstream.start("basket");
  private static final StubUpstream ORDERING = StubUpstream.start("ordering");
  private static final TestIssuer ISSUER = TestIssuer.shared();

  /** Every protected route of the HTTP API (infra-cdk PublicApi) as method and path. */
  static final List<String[]> PROTECTED =
      List.of(
          new String[] {"POST", "/product"},
          new String[] {"PUT", "/product/p-1"},
          new String[] {"PATCH", "/product/p-1"},
          new String[] {"DELETE", "/product/p-1"},
          new String[] {"GET", "/basket"},
          new String[] {"GET", "/basket/alice"},
          new String[] {"PUT", "/basket/alice"},
          new String[] {"POST", "/basket/alice/items"},
          new String[] {"DELETE", "/basket/alice"},
          new String[] {"POST", "/basket/checkout"},
          new String[] {"GET", "/order"},
          new String[] {"GET", "/order/alice"},
          new String[] {"GET", "/order/alice/o-1"},
          new String[] {"POST", "/order/alice/o-1/cancel"});

  @DynamicPropertySource
  static void upstreams(DynamicPropertyRegistry registry) {
    registry.add("gateway.upstreams.product", PRODUCT::url);
    registry.add("gateway.upstreams.basket", BASKET::url);
    registry.add("gateway.upstreams.ordering", ORDERING::url);
  }

  @LocalServerPort int port;
  HttpJson http;

  @BeforeEach
  void reset() {
    http = new HttpJson("http://127.0.0.1:" + port);
    List.of(PRODUCT, BASKET, ORDERING).forEach(StubUpstream::reset);
  }

  @AfterAll
  static void stop() {
    List.of(PRODUCT, BASKET, ORDERING).forEach(StubUpstream::close);
  }

  private static void assertProblem(HttpJson.Response response, int status, String route) {
    assertThat(response.status()).as(route + ": " + response.body()).isEqualTo(status);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    assertThat(response.json().path("requestId").asString())
        .isEqualTo(response.header("X-Request-Id"));
    assertThat(response.json().path("status").asInt()).isEqualTo(status);
  }

  private static boolean noServiceSawARequest() {
    return PRODUCT.sawNoRequest() && BASKET.sawNoRequest() && ORDERING.sawNoRequest();
  }

  @Test
  void everyProtectedRouteRefusesAMissingOrBadTokenWith401() {
    var alice = ISSUER.token("alice");
    var bad =
        Map.of(
            "none", "",
            "garbage", "Bearer not.a.jwt",
            "forged", "Bearer " + ISSUER.forgedToken("alice"),
            "expired",
                "Bearer "
                    + ISSUER.token(
                        "alice",
                        claims ->
                            claims
                                .issuedAt(Instant.now().minusSeconds(7200))
                                .expiresAt(Instant.now().minusSeconds(60))),
            "wrong issuer",
                "Bearer "
                    + ISSUER.token(
                        "alice",
                        claims ->
                            claims.issuer(
                                "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_other")),
            "other app",
                "Bearer " + ISSUER.token("alice", claims -> claims.claim("client_id", "not-ours")),
            "basic", "Basic YWxpY2U6ZGVtbw==");
    assertThat(alice).isNotBlank();
    bad.forEach(
        (kind, header) -> {
          for (var route : PROTECTED) {
            var response =
                header.isEmpty()
                    ? http.send(route[0], route[1], route[0].equals("GET") ? null : "{}")
                    : http.send(
                        route[0],
                        route[1],
                        route[0].equals("GET") ? null : "{}",
                        "Authorization",
                        header);
            assertProblem(response, 401, kind + " " + String.join(" ", route));
          }
        });
    assertThat(noServiceSawARequest()).isTrue();
  }

  @Test
  void operatorOnlyRoutesRefuseACustomerWith403() {
    var alice = "Bearer " + ISSUER.token("alice");
    for (var route :
        List.of(
            new String[] {"POST", "/product"},
            new String[] {"PUT", "/product/p-1"},
            new String[] {"DELETE", "/product/p-1"},
            new String[] {"GET", "/basket"},
            new String[] {"GET", "/order"})) {
      var response =
          http.send(
              route[0],
              route[1],
              route[0].equals("GET") || route[0].equals("DELETE") ? null : "{}",
              "Authorization",
              alice);
      assertProblem(response, 403, String.join(" ", route));
    }
    assertThat(noServiceSawARequest()).isTrue();
  }

  @Test
  void aValidTokenIsPassedOnAndOwnershipIsLeftToTheService() throws Exception {
    var bob = "Bearer " + ISSUER.token("bob");

    assertThat(http.get("/basket/alice", "Authorization", bob).status()).isEqualTo(200);
    assertThat(BASKET.takeRequest().header("Authorization")).isEqualTo(bob);
    assertThat(http.get("/order", "Authorization", "Bearer " + ISSUER.operatorToken()).status())
        .isEqualTo(200);
    assertThat(
            http.post("/product", "{}", "Authorization", "Bearer " + ISSUER.operatorToken())
                .status())
        .isEqualTo(200);
  }

  @Test
  void theCatalogueReadsAndTheProbesNeedNoToken() throws Exception {
    assertThat(http.get("/product").status()).isEqualTo(200);
    assertThat(http.get("/product/p-1?x=1").status()).isEqualTo(200);
    assertThat(PRODUCT.takeRequest().path()).isEqualTo("/product");
    assertThat(http.get("/actuator/health/liveness").status()).isEqualTo(200);
    assertThat(http.get("/nowhere").status()).as("not routed, as before").isEqualTo(404);
  }

  /** Found by the fuzzer: the firewall refused such names lazily, inside the proxy, as a 500. */
  @Test
  void aQueryWithControlCharactersInItsNamesIsPassedOnNotA500() throws Exception {
    var response =
        http.get(
            "/basket?%C2%92%0B=x&limit=5", "Authorization", "Bearer " + ISSUER.operatorToken());

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(BASKET.takeRequest().rawQuery()).isEqualTo("%C2%92%0B=x&limit=5");
  }
}
