package com.swn.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Product points at a port nobody listens on, basket at a service slower than the configured
 * response timeout, ordering at one that hangs up without answering.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "spring.http.clients.read-timeout=500ms")
class UpstreamFailureTest {

  private static final StubUpstream SLOW_BASKET = StubUpstream.start("basket");
  private static final HangUp HANGING_UP_ORDERING = HangUp.start();

  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @LocalServerPort private int port;

  @DynamicPropertySource
  static void upstreams(DynamicPropertyRegistry registry) {
    registry.add("gateway.upstreams.product", () -> "http://127.0.0.1:" + closedPort());
    registry.add("gateway.upstreams.basket", SLOW_BASKET::url);
    registry.add(
        "gateway.upstreams.ordering", () -> "http://127.0.0.1:" + HANGING_UP_ORDERING.port());
  }

  @AfterAll
  static void stopUpstreams() throws IOException {
    SLOW_BASKET.close();
    HANGING_UP_ORDERING.close();
  }

  @Test
  void answersServiceUnavailableProblemQuicklyWhenServiceIsDown() throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> response = send("/product/p-1?q=x", "down-1");
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(took).isLessThan(Duration.ofSeconds(3));
    assertUpstreamProblem(response, 503, "upstream-unavailable", "/product/p-1", "down-1");
    assertThat((String) JsonPath.read(response.body(), "$.detail"))
        .isEqualTo("The product service is not reachable.");
  }

  @Test
  void answersGatewayTimeoutProblemWhenServiceIsSlowerThanTimeout() throws Exception {
    SLOW_BASKET.respond(
        request ->
            StubUpstream.Reply.of(200, Map.of("Content-Type", "application/json"), "{}")
                .after(Duration.ofSeconds(20)));

    long start = System.nanoTime();
    HttpResponse<String> response = send("/basket/swn-user", "slow-1");
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    // The 500 ms read timeout, not the upstream's answer 20 s later (the client gives up at 10 s).
    // The margin is for a first request on a loaded build machine (once 4.2 s at a load average
    // of 9), not for the timeout.
    assertThat(took).isBetween(Duration.ofMillis(400), Duration.ofSeconds(8));
    assertUpstreamProblem(response, 504, "upstream-timeout", "/basket/swn-user", "slow-1");
    assertThat(SLOW_BASKET.takeRequest().path()).isEqualTo("/basket/swn-user");
  }

  @Test
  void answersBadGatewayProblemWhenServiceHangsUp() throws Exception {
    HttpResponse<String> response = send("/order/o-1", "hangup-1");

    assertUpstreamProblem(response, 502, "bad-gateway", "/order/o-1", "hangup-1");
  }

  private void assertUpstreamProblem(
      HttpResponse<String> response, int status, String type, String instance, String requestId) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.headers().firstValue("X-Request-Id")).hasValue(traceId(requestId));
    String body = response.body();
    assertThat((String) JsonPath.read(body, "$.type")).isEqualTo("urn:swn:problem:gateway:" + type);
    assertThat((Integer) JsonPath.read(body, "$.status")).isEqualTo(status);
    assertThat((String) JsonPath.read(body, "$.title")).isNotBlank();
    assertThat((String) JsonPath.read(body, "$.instance")).isEqualTo(instance);
    assertThat((String) JsonPath.read(body, "$.requestId")).isEqualTo(traceId(requestId));
    // Nothing about the inside: no upstream address, no exception text.
    assertThat(body).doesNotContain("127.0.0.1", "Exception", "I/O error");
  }

  /** The trace a test's request continues, named by a label; its id is the request id. */
  private static String traceId(String label) {
    return "%032x".formatted(Integer.toUnsignedLong(label.hashCode()) | 1L << 40);
  }

  private HttpResponse<String> send(String target, String label)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + target))
            .header("traceparent", "00-" + traceId(label) + "-00f067aa0ba902b7-01")
            .header(
                "Authorization",
                "Bearer " + com.swn.testsupport.TestIssuer.shared().operatorToken())
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build();
    return client.send(request, BodyHandlers.ofString());
  }

  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Accepts connections and closes them at once, before any response. */
  private record HangUp(ServerSocket socket) implements AutoCloseable {

    static HangUp start() {
      try {
        ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> acceptAndClose(socket));
        return new HangUp(socket);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    int port() {
      return socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }

    private static void acceptAndClose(ServerSocket socket) {
      while (!socket.isClosed()) {
        try (Socket connection = socket.accept()) {
          connection.getInputStream().read();
        } catch (IOException e) {
          // closed: the loop ends
        }
      }
    }
  }
}
