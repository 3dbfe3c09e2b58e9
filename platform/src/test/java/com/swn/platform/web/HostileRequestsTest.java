package com.swn.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.swn.testsupport.RawHttp;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Requests a client can get wrong at every layer — Tomcat's parser, the servlet container, Spring's
 * binding, Jackson — against a real embedded Tomcat over a plain socket (MockMvc would skip
 * Tomcat). Every answer must be a 4xx problem document carrying the request id in header and body.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.cloud.aws.region.static=eu-west-1",
      "spring.cloud.aws.credentials.access-key=test",
      "spring.cloud.aws.credentials.secret-key=test"
    })
class HostileRequestsTest {

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import(Samples.class)
  static class App {

    /** Hostile input is the subject here, not tokens (PlatformSecurityTest covers those). */
    @org.springframework.context.annotation.Bean
    com.swn.platform.security.AccessRules openSamples() {
      return rules -> rules.requestMatchers("/samples", "/samples/**", "/error").permitAll();
    }
  }

  enum Kind {
    SMALL,
    LARGE
  }

  record Body(String name, int quantity, BigDecimal price, Kind kind) {}

  @RestController
  static class Samples {
    @GetMapping("/samples")
    String list(@RequestParam(defaultValue = "20") int limit) {
      return "limit=" + limit;
    }

    @PostMapping("/samples")
    Body create(@RequestBody Body body) {
      return body;
    }
  }

  @LocalServerPort int port;
  RawHttp http;

  @BeforeEach
  void client() {
    http = new RawHttp(port);
  }

  @Test
  void aWellFormedRequestStillWorks() {
    var response = http.get("/samples?limit=5");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("limit=5");
    var created = post("{\"name\":\"a\",\"quantity\":2,\"price\":19.90,\"kind\":\"SMALL\"}");
    assertThat(created.status()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/samples?=1",
        "/samples?a=%ZZ",
        "/samples?%",
        "/samples?limit=%",
        "/samples?a=%C3%28"
      })
  void malformedQueryStringsAre400Problems(String target) {
    http.get(target).assertProblem(400);
  }

  @Test
  void aRepeatedParameterIsA400WithoutJavaInternals() {
    var response = http.get("/samples?limit=a&limit=b");
    response.assertProblem(400);
    assertThat(response.body()).doesNotContain("[Ljava").contains("limit");
  }

  @Test
  void anEmptyParameterIsA400NotTheDefault() {
    http.get("/samples?limit=").assertProblem(400);
    http.get("/samples?limit").assertProblem(400);
  }

  @Test
  void aWrongTypeInTheQueryNamesTheParameter() {
    var response = http.get("/samples?limit=abc");
    response.assertProblem(400);
    assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("limit");
  }

  @Test
  void multipartWithoutABoundaryIsA400OnAnyMethod() {
    http.get("/samples", "Content-Type: multipart/form-data").assertProblem(400);
    http.send("POST", "/samples", "{}", "Content-Type: multipart/form-data").assertProblem(400);
    http.send("POST", "/samples", "--x--", "Content-Type: multipart/form-data; boundary=x")
        .assertProblem(415);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/samples%2Fx",
        "/samples%5Cx",
        "/samples\\x",
        "/samples%00x",
        "/sam%ZZples",
        "/samples%"
      })
  void pathsTomcatRefusesAre400Problems(String target) {
    http.get(target).assertClientErrorProblem();
  }

  @Test
  void aMalformedRequestLineIsAProblem() {
    http.get("/samples?a=b c").assertProblem(400);
  }

  @Test
  void aRequestLineOverTheLimitIsAProblem() {
    http.get("/samples?nextToken=" + "a".repeat(20_000)).assertClientErrorProblem();
  }

  @Test
  void aHeaderOverTheLimitIsAProblem() {
    http.get("/samples", "X-Long: " + "a".repeat(20_000)).assertClientErrorProblem();
  }

  @Test
  void traceIsAProblemNotBootsJsonError() {
    var trace = http.send("TRACE", "/samples", "");
    trace.assertProblem(405);
  }

  @Test
  void theErrorPathItselfIsNotAResource() {
    http.get("/error").assertProblem(404);
    http.send("QUERY", "/error", "").assertProblem(404);
  }

  @Test
  void tomcatsOwnErrorsCarryARequestIdOfTheTraceIdsForm() {
    // Refused before any filter ran, so no trace covers it; a caller's X-Request-Id is never the
    // id.
    var response = http.get("/samples%2Fx", "X-Request-Id: abc-123");
    assertThat(response.header("X-Request-Id")).matches("[0-9a-f]{32}");
    assertThat(response.json().path("requestId").asString())
        .isEqualTo(response.header("X-Request-Id"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2", "2.0", "2.00", "0.2e1", "20e-1"})
  void anIntegerWithAZeroFractionIsThatInteger(String quantity) {
    var created =
        post("{\"name\":\"a\",\"quantity\":" + quantity + ",\"price\":1,\"kind\":\"SMALL\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    assertThat(created.json().path("quantity").asInt()).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"name\":\"a\",\"quantity\":1.9,\"price\":1,\"kind\":\"SMALL\"}",
        "{\"name\":\"a\",\"quantity\":1e400,\"price\":1,\"kind\":\"SMALL\"}",
        "{\"name\":\"a\",\"quantity\":2147483648,\"price\":1,\"kind\":\"SMALL\"}",
        "{\"name\":\"a\",\"quantity\":\"2\",\"price\":1,\"kind\":\"SMALL\"}",
        "{\"name\":\"a\",\"quantity\":2,\"price\":\"19.90\",\"kind\":\"SMALL\"}",
        "{\"name\":123,\"quantity\":2,\"price\":1,\"kind\":\"SMALL\"}",
        "{\"name\":true,\"quantity\":2,\"price\":1,\"kind\":\"SMALL\"}",
        "{\"name\":\"a\",\"quantity\":true,\"price\":1,\"kind\":\"SMALL\"}",
        "{\"name\":\"a\",\"quantity\":2,\"price\":1,\"kind\":0}",
        "{\"name\":\"a\",\"quantity\":2,\"price\":1,\"kind\":\"SMALL\",\"kind\":\"LARGE\"}",
        "{\"name\":\"a\",\"name\":\"b\",\"quantity\":2,\"price\":1,\"kind\":\"SMALL\"}",
        "{\"name\":\"a\",\"quantity\":2,\"price\":1,\"kind\":\"SMALL\",\"extra\":1}",
        "{\"name\":\"a\",\"quantity\":2,\"price\":1,\"kind\":\"SMALL\"} {}"
      })
  void lenientJsonIsA400(String body) {
    post(body).assertProblem(400);
  }

  private RawHttp.Response post(String body) {
    return http.send("POST", "/samples", body, "Content-Type: application/json");
  }
}
