package com.swn.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.swn.testsupport.HttpJson;
import com.swn.testsupport.TestIssuer;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Authentication and per-user isolation through the gateway, with tokens of the local issuer as
 * {@code scripts/token} gets them: who may do what, and that a refused request changes nothing.
 */
class AuthenticationE2ETest {

  private static LocalSystem system;
  private static HttpJson anonymous;
  private static HttpJson owners;
  private static Tokens tokens;

  @BeforeAll
  static void system() {
    system = LocalSystem.shared();
    owners = system.api();
    anonymous = owners.anonymous();
    tokens = system.tokens();
    CheckoutJourneyE2ETest.system(); // its product, basket and order helpers, used here too
  }

  private static String user(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String[] as(String user, String... more) {
    var headers = new String[more.length + 2];
    headers[0] = "Authorization";
    headers[1] = tokens.bearer(user);
    System.arraycopy(more, 0, headers, 2, more.length);
    return headers;
  }

  private static void assertProblem(HttpJson.Response response, int status) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.json().path("requestId").asString()).isNotBlank();
  }

  private static String checkoutBody(@org.jspecify.annotations.Nullable String userName) {
    return """
        {%s"firstName":"Ada","lastName":"Lovelace","email":"ada@example.com","address":"1 Engine Road","paymentMethod":"CARD"}
        """
        .formatted(userName == null ? "" : "\"userName\":\"" + userName + "\",");
  }

  @Test
  void everyProtectedRouteWithoutATokenIsA401Problem() {
    var routes =
        List.of(
            new String[] {"POST", "/product"},
            new String[] {"PUT", "/product/" + UUID.randomUUID()},
            new String[] {"DELETE", "/product/" + UUID.randomUUID()},
            new String[] {"GET", "/basket"},
            new String[] {"GET", "/basket/alice"},
            new String[] {"PUT", "/basket/alice"},
            new String[] {"POST", "/basket/alice/items"},
            new String[] {"PATCH", "/basket/alice/items/p-1"},
            new String[] {"DELETE", "/basket/alice/items/p-1"},
            new String[] {"DELETE", "/basket/alice"},
            new String[] {"POST", "/basket/checkout"},
            new String[] {"GET", "/order"},
            new String[] {"GET", "/order/alice"},
            new String[] {"GET", "/order/alice/" + UUID.randomUUID()},
            new String[] {"POST", "/order/alice/" + UUID.randomUUID() + "/cancel"});
    for (var route : routes) {
      var response =
          anonymous.send(
              route[0],
              route[1],
              route[0].equals("GET") || route[0].equals("DELETE") ? null : "{}");
      assertProblem(response, 401);
      assertThat(response.header("WWW-Authenticate"))
          .as(String.join(" ", route))
          .startsWith("Bearer");
    }
  }

  @Test
  void aForgedAnExpiredOrAnotherIssuersTokenIsA401() {
    var issuer = tokens.issuer();
    var foreign = TestIssuer.shared();
    var forged = foreign.token("alice", claims -> claims.issuer(issuer));
    var expired =
        foreign.token(
            "alice",
            claims ->
                claims
                    .issuer(issuer)
                    .issuedAt(Instant.now().minusSeconds(7200))
                    .expiresAt(Instant.now().minusSeconds(60)));
    var otherIssuer = foreign.token("alice");
    var real = tokens.of("alice");
    var tampered =
        real.substring(0, real.indexOf('.') + 1)
            + "eyJ1c2VybmFtZSI6ImJvYiJ9"
            + real.substring(real.lastIndexOf('.'));
    for (var token : List.of(forged, expired, otherIssuer, tampered)) {
      assertProblem(anonymous.get("/basket/alice", "Authorization", "Bearer " + token), 401);
      assertProblem(anonymous.get("/order/alice", "Authorization", "Bearer " + token), 401);
    }
    assertThat(anonymous.get("/order/alice", "Authorization", "Bearer " + real).status())
        .isEqualTo(200);
  }

  @Test
  void theCatalogueIsReadWithoutATokenAndWrittenOnlyByOperators() {
    var body =
        "{\"name\":\"Lamp\",\"description\":null,\"imageFile\":null,\"price\":10.00,\"category\":\"Auth\"}";
    assertProblem(anonymous.post("/product", body, as("alice")), 403);
    var created = anonymous.post("/product", body, as(Tokens.OPERATOR));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    var id = created.json().path("id").asString();

    assertThat(anonymous.get("/product").status()).isEqualTo(200);
    assertThat(anonymous.get("/product/" + id).status()).isEqualTo(200);
    assertProblem(anonymous.send("DELETE", "/product/" + id, null, as("alice")), 403);
    assertThat(anonymous.get("/product/" + id).status()).as("still there").isEqualTo(200);
  }

  @Test
  void aliceCannotReadOrChangeBobsBasketAndNothingChanges() {
    var product = CheckoutJourneyE2ETest.product("Cup", "3.00");
    var alice = user("alice");
    var bob = user("bob");
    CheckoutJourneyE2ETest.fill(bob, product, "2");
    var before = owners.get("/basket/" + bob);
    assertThat(before.status()).isEqualTo(200);

    assertProblem(anonymous.get("/basket/" + bob, as(alice)), 403);
    assertProblem(
        anonymous.put(
            "/basket/" + bob, "{\"items\":[]}", as(alice, "If-Match", before.header("ETag"))),
        403);
    assertProblem(
        anonymous.post(
            "/basket/" + bob + "/items",
            "{\"productId\":\"" + product + "\",\"quantity\":5}",
            as(alice)),
        403);
    assertProblem(
        anonymous.send(
            "PATCH", "/basket/" + bob + "/items/" + product, "{\"quantity\":9}", as(alice)),
        403);
    assertProblem(anonymous.delete("/basket/" + bob + "/items/" + product, as(alice)), 403);
    assertProblem(anonymous.delete("/basket/" + bob, as(alice)), 403);
    assertProblem(
        anonymous.post(
            "/basket/checkout",
            checkoutBody(bob),
            as(alice, "Idempotency-Key", UUID.randomUUID().toString())),
        403);
    assertProblem(anonymous.get("/basket", as(alice)), 403);

    var after = owners.get("/basket/" + bob);
    assertThat(after.status()).isEqualTo(200);
    assertThat(after.header("ETag")).isEqualTo(before.header("ETag"));
    assertThat(after.body()).isEqualTo(before.body());
    assertThat(anonymous.get("/basket/" + bob, as(Tokens.OPERATOR)).body())
        .as("operators read any basket")
        .isEqualTo(before.body());
    assertThat(anonymous.get("/basket", as(Tokens.OPERATOR)).status()).isEqualTo(200);
  }

  @Test
  void alicesCheckoutMakesAnOrderOnlyAliceAndOperatorsCanRead() {
    var product = CheckoutJourneyE2ETest.product("Pen", "2.50");
    var alice = user("alice");
    var bob = user("bob");
    CheckoutJourneyE2ETest.fill(alice, product, "4");

    // The customer is the token's: the body needs no userName.
    var accepted =
        anonymous.post(
            "/basket/checkout",
            checkoutBody(null),
            as(alice, "Idempotency-Key", UUID.randomUUID().toString()));
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    assertThat(accepted.json().path("userName").asString()).isEqualTo(alice);
    var location = accepted.header("Location");
    assertThat(location).startsWith("/order/" + alice + "/");
    var order = CheckoutJourneyE2ETest.awaitOrder(location);
    assertThat(order.path("totalPrice").decimalValue()).isEqualByComparingTo("10.00");

    assertThat(anonymous.get(location, as(Tokens.OPERATOR)).status()).isEqualTo(200);
    assertProblem(anonymous.get(location, as(bob)), 403);
    assertProblem(anonymous.get("/order/" + alice, as(bob)), 403);
    assertProblem(anonymous.post(location + "/cancel", "", as(bob)), 403);
    assertProblem(anonymous.post(location + "/cancel", "", as(Tokens.OPERATOR)), 403);
    assertProblem(anonymous.get("/order", as(alice)), 403);
    assertThat(anonymous.get(location, as(alice)).json().path("status").asString())
        .as("nothing changed")
        .isEqualTo("PLACED");
    assertThat(anonymous.get("/order/" + bob, as(bob)).json().path("items").size())
        .as("bob has no order")
        .isZero();
    assertThat(anonymous.get("/order?limit=100", as(Tokens.OPERATOR)).status()).isEqualTo(200);
  }
}
