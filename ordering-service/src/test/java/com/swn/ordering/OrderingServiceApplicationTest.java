package com.swn.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrderingServiceApplicationTest extends IntegrationTestBase {

  @Test
  void startsAndReportsReadyAndAnswersUnknownPathsWithAProblem() {
    var readiness = http.get("/actuator/health/readiness");
    var unknown = http.get("/nowhere");

    assertThat(readiness.status()).isEqualTo(200);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
  }

  @Test
  void describesItsApi() {
    var docs = http.get("/v3/api-docs");

    assertThat(docs.status()).isEqualTo(200);
    assertThat(docs.json().path("paths").propertyNames())
        .contains("/order", "/order/{userName}", "/order/{userName}/{orderId}", "/order/{userName}/{orderId}/cancel");
  }
}
