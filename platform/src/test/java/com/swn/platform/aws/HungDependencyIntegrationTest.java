package com.swn.platform.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.swn.localaws.LocalAws;
import com.swn.platform.dynamodb.DynamoDbTablesHealthIndicator;
import com.swn.testsupport.FaultyEndpoint;
import com.swn.testsupport.HttpJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * A service whose AWS endpoint accepts connections and never answers, then answers again: requests
 * get a 503 problem within the call timeout, readiness goes DOWN within its own bound, 50 requests
 * hanging at once leave liveness responsive, and everything recovers on its own once the endpoint
 * does.
 */
@SpringBootTest(
    classes = HungDependencyIntegrationTest.App.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "platform.aws.api-call-attempt-timeout=1s",
      "platform.aws.api-call-timeout=2s",
      "platform.aws.readiness-timeout=1s",
      "management.endpoint.health.probes.enabled=true",
      "management.endpoint.health.group.readiness.include=readinessState,dynamoDbTables",
    })
class HungDependencyIntegrationTest {

  private static final LocalAws AWS = LocalAws.shared();
  private static final FaultyEndpoint ENDPOINT = new FaultyEndpoint(AWS.endpoint());

  /** Generous for a loaded two-core machine, and still far below the SDK's defaults (minutes). */
  private static final Duration FAST = Duration.ofSeconds(8);

  @DynamicPropertySource
  static void environment(DynamicPropertyRegistry registry) {
    AWS.springProperties().forEach((key, value) -> registry.add(key, () -> value));
    registry.add("spring.cloud.aws.endpoint", () -> ENDPOINT.uri().toString());
  }

  @LocalServerPort int port;
  HttpJson http;

  @BeforeEach
  void client() {
    http =
        new HttpJson("http://127.0.0.1:" + port, com.swn.testsupport.TestIssuer.shared().owners());
  }

  @AfterEach
  void recover() {
    ENDPOINT.recover();
  }

  @AfterAll
  static void close() {
    ENDPOINT.close();
  }

  @Test
  void aRequestFacingAHungDynamoDbGetsA503ProblemWithinTheCallTimeout() {
    assertThat(http.get("/tables").status()).isEqualTo(200);
    ENDPOINT.hang();

    var started = System.nanoTime();
    var response = http.get("/tables");

    assertThat(elapsedSince(started)).isLessThan(FAST);
    assertThat(response.status()).isEqualTo(503);
    assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(response.header("Retry-After")).isEqualTo("5");
    assertThat(response.json().path("status").asInt()).isEqualTo(503);
    assertThat(response.json().path("instance").asString()).isEqualTo("/tables");
    assertThat(response.body()).doesNotContain("Exception", "software.amazon");
  }

  @Test
  void eventBridgeCallsAreBoundedToo() {
    ENDPOINT.hang();

    var started = System.nanoTime();
    var response = http.get("/buses");

    assertThat(elapsedSince(started)).isLessThan(FAST);
    assertThat(response.status()).isEqualTo(503);
  }

  @Test
  void readinessGoesDownWithinItsBoundAndUpAgainWhenDynamoDbAnswers() {
    assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);
    ENDPOINT.hang();

    var started = System.nanoTime();
    var readiness = http.get("/actuator/health/readiness");

    assertThat(elapsedSince(started)).isLessThan(Duration.ofSeconds(5));
    assertThat(readiness.status()).isEqualTo(503);
    assertThat(readiness.body()).contains("\"status\":\"DOWN\"");

    ENDPOINT.recover();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);
              assertThat(http.get("/tables").status()).isEqualTo(200);
            });
  }

  @Test
  void fiftyHangingRequestsLeaveLivenessResponsiveAndAllEndAs503s() throws Exception {
    ENDPOINT.hang();
    List<Future<Integer>> hanging = new ArrayList<>();
    var started = System.nanoTime();
    try (var clients = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 50; i++) {
        hanging.add(clients.submit((Callable<Integer>) () -> http.get("/tables").status()));
      }
      Thread.sleep(300); // let them reach the endpoint
      var livenessStarted = System.nanoTime();
      assertThat(http.get("/actuator/health/liveness").status()).isEqualTo(200);
      assertThat(elapsedSince(livenessStarted)).isLessThan(Duration.ofSeconds(2));

      for (var request : hanging) {
        assertThat(request.get()).isEqualTo(503);
      }
    }
    // All 50 were in flight together: they end together, within the call timeout plus scheduling.
    assertThat(elapsedSince(started)).isLessThan(Duration.ofSeconds(12));

    ENDPOINT.recover();
    await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/tables").status() == 200);
  }

  private static Duration elapsedSince(long startedNanos) {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }

  /**
   * A minimal service: one endpoint per client, and the platform's readiness probe on one table.
   */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import(App.Probe.class)
  static class App {

    @Bean
    DynamoDbTablesHealthIndicator dynamoDbTablesHealthIndicator(
        DynamoDbClient dynamoDb, AwsClientSettings aws) {
      return new DynamoDbTablesHealthIndicator(
          dynamoDb, List.of("product"), aws.readinessTimeout());
    }

    @RestController
    static class Probe {

      private final DynamoDbClient dynamoDb;
      private final EventBridgeClient eventBridge;

      Probe(DynamoDbClient dynamoDb, EventBridgeClient eventBridge) {
        this.dynamoDb = dynamoDb;
        this.eventBridge = eventBridge;
      }

      @GetMapping("/tables")
      List<String> tables() {
        return dynamoDb.listTables().tableNames();
      }

      @GetMapping("/buses")
      int buses() {
        return eventBridge.listEventBuses(request -> {}).eventBuses().size();
      }
    }
  }
}
