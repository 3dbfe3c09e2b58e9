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
        .contains(
            "/order",
            "/order/{userName}",
            "/order/{userName}/{orderId}",
            "/order/{userName}/{orderId}/cancel");
    var paths = docs.json().path("paths");
    var cancel = paths.path("/order/{userName}/{orderId}/cancel").path("post").path("responses");
    assertThat(cancel.path("409").path("content").has("application/problem+json")).isTrue();
    assertThat(cancel.path("404").path("content").has("application/problem+json")).isTrue();
    assertThat(cancel.path("200").path("content").has("application/json")).isTrue();
    var parameters = paths.path("/order/{userName}").path("get").path("parameters");
    assertThat(parameters.get(0).path("schema").path("pattern").asString())
        .startsWith("^")
        .endsWith("$");
    assertThat(parameters.toString()).contains("\"maximum\":100");
    assertThat(
            docs.json()
                .path("components")
                .path("schemas")
                .path("Line")
                .path("properties")
                .path("color")
                .path("type")
                .toString())
        .contains("null");
  }
}
