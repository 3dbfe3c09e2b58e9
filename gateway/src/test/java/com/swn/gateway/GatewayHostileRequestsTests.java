package com.swn.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.swn.testsupport.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Requests the gateway must refuse itself, over a plain socket so that Tomcat's own parser is in
 * play: each answer is a 4xx problem document with the request id, and nothing reaches a service.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class GatewayHostileRequestsTests {

  private static final StubUpstream PRODUCT = StubUpstream.start("product");

  @LocalServerPort private int port;
  private RawHttp http;

  @DynamicPropertySource
  static void upstreams(DynamicPropertyRegistry registry) {
    registry.add("gateway.upstreams.product", PRODUCT::url);
    registry.add("gateway.upstreams.basket", PRODUCT::url);
    registry.add("gateway.upstreams.ordering", PRODUCT::url);
  }

  @AfterAll
  static void stop() {
    PRODUCT.close();
  }

  @BeforeEach
  void client() {
    PRODUCT.reset();
    http = new RawHttp(port);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/product?=1", "/product?a=%ZZ", "/product?%", "/product?limit=%C3%28"})
  void malformedQueryStringsAre400ProblemsAndAreNotForwarded(String target) {
    http.get(target).assertProblem(400);
    assertThat(PRODUCT.sawNoRequest()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"/product%2Fx", "/product\\x", "/product%00x", "/pro%ZZduct", "/product?a=b c"})
  void requestsTomcatRefusesAreProblems(String target) {
    http.get(target).assertClientErrorProblem();
  }

  @Test
  void aHeaderOverTheLimitIsAProblem() {
    http.get("/product", "X-Long: " + "a".repeat(20_000)).assertClientErrorProblem();
  }

  @Test
  void traceIsAProblem() {
    http.send("TRACE", "/product", "").assertProblem(405);
  }

  @Test
  void tomcatsOwnErrorsKeepTheCallersRequestId() {
    var response = http.get("/product%2Fx", "X-Request-Id: abc-123");
    assertThat(response.header("X-Request-Id")).isEqualTo("abc-123");
    assertThat(response.json().path("requestId").asString()).isEqualTo("abc-123");
  }
}
