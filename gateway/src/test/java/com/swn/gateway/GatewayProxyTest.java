package com.swn.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "gateway.max-request-size=1KB")
@ExtendWith(OutputCaptureExtension.class)
class GatewayProxyTest {

  /** The request id is the trace id: 32 lower-case hex digits. */
  private static final String TRACE_ID = "[0-9a-f]{32}";

  private static final String CALLER_TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String CALLER_SPAN_ID = "00f067aa0ba902b7";
  private static final String CALLER_TRACEPARENT =
      "00-" + CALLER_TRACE_ID + "-" + CALLER_SPAN_ID + "-01";

  private static final StubUpstream PRODUCT = StubUpstream.start("product");
  private static final StubUpstream BASKET = StubUpstream.start("basket");
  private static final StubUpstream ORDERING = StubUpstream.start("ordering");
  private static final Map<String, StubUpstream> STUBS =
      Map.of("product", PRODUCT, "basket", BASKET, "ordering", ORDERING);

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  @LocalServerPort private int port;

  @DynamicPropertySource
  static void upstreams(DynamicPropertyRegistry registry) {
    registry.add("gateway.upstreams.product", PRODUCT::url);
    registry.add("gateway.upstreams.basket", BASKET::url);
    registry.add("gateway.upstreams.ordering", ORDERING::url);
  }

  @AfterAll
  static void stopStubs() {
    STUBS.values().forEach(StubUpstream::close);
  }

  @BeforeEach
  void resetStubs() {
    STUBS.values().forEach(StubUpstream::reset);
  }

  @ParameterizedTest
  @CsvSource({
    "/product, product",
    "/product/p-42/reviews?sort=-rating&page=2, product",
    "/basket, basket",
    "/basket/swn-user?expand=items, basket",
    "/order, ordering",
    "/order/o-7?customer=swn&status=PLACED&status=PAID, ordering",
    "/product/search?q=red%20shoes&tag=a%2Bb, product",
  })
  void routesEachPrefixToItsServiceWithPathAndQueryIntact(String target, String service)
      throws Exception {
    HttpResponse<String> response = send(get(target));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"service\":\"" + service + "\"}");
    StubUpstream.Received seen = STUBS.get(service).takeRequest();
    URI sent = URI.create(target);
    assertThat(seen.method()).isEqualTo("GET");
    assertThat(seen.path()).isEqualTo(sent.getRawPath());
    assertThat(seen.rawQuery()).isEqualTo(sent.getRawQuery());
    STUBS.forEach((name, stub) -> assertThat(stub.sawNoRequest()).as(name).isTrue());
  }

  @Test
  void passesPostWithCreatedAndLocationThrough() throws Exception {
    PRODUCT.respond(
        request ->
            StubUpstream.Reply.of(
                201,
                Map.of(
                    "Location", "/product/p-9",
                    "Content-Type", "application/json",
                    "X-Custom-Reply", "kept"),
                "{\"id\":\"p-9\"}"));

    HttpResponse<String> response =
        send(
            request("/product")
                .POST(BodyPublishers.ofString("{\"name\":\"Shoe\"}"))
                .header("Content-Type", "application/json")
                .header("X-Custom-Call", "forwarded"));

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.headers().firstValue("Location")).hasValue("/product/p-9");
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.headers().firstValue("X-Custom-Reply")).hasValue("kept");
    assertThat(response.body()).isEqualTo("{\"id\":\"p-9\"}");
    StubUpstream.Received seen = PRODUCT.takeRequest();
    assertThat(seen.method()).isEqualTo("POST");
    assertThat(seen.bodyText()).isEqualTo("{\"name\":\"Shoe\"}");
    assertThat(seen.header("Content-Type")).isEqualTo("application/json");
    assertThat(seen.header("X-Custom-Call")).isEqualTo("forwarded");
    // The HTTP API adds these in AWS too; services that honour them can build absolute links.
    assertThat(seen.header("X-Forwarded-Proto")).isEqualTo("http");
    assertThat(seen.header("X-Forwarded-Host")).isEqualTo("127.0.0.1:" + port);
  }

  @Test
  void leavesAbsoluteLocationFromServiceUnchanged() throws Exception {
    ORDERING.respond(
        request ->
            StubUpstream.Reply.of(
                201, Map.of("Location", "http://localhost:8080/order/o-1?v=2"), ""));

    HttpResponse<String> response = send(request("/order").POST(BodyPublishers.ofString("{}")));

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.headers().allValues("Location"))
        .containsExactly("http://localhost:8080/order/o-1?v=2");
  }

  @Test
  void passesDeleteWithNoContentThrough() throws Exception {
    BASKET.respond(request -> StubUpstream.Reply.of(204, Map.of(), ""));

    HttpResponse<String> response = send(request("/basket/swn-user").DELETE());

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
    StubUpstream.Received seen = BASKET.takeRequest();
    assertThat(seen.method()).isEqualTo("DELETE");
    assertThat(seen.path()).isEqualTo("/basket/swn-user");
  }

  @Test
  void passesPreconditionFailedProblemFromServiceUnchanged() throws Exception {
    String problem =
        "{\"type\":\"about:blank\",\"title\":\"Precondition Failed\",\"status\":412,"
            + "\"detail\":\"ETag mismatch\",\"instance\":\"/product/p-1\",\"current\":\"\\\"v2\\\"\"}";
    PRODUCT.respond(
        request ->
            StubUpstream.Reply.of(
                412,
                Map.of("Content-Type", "application/problem+json", "ETag", "\"v2\""),
                problem));

    HttpResponse<String> response =
        send(
            request("/product/p-1")
                .PUT(BodyPublishers.ofString("{\"name\":\"Boot\"}"))
                .header("Content-Type", "application/json")
                .header("If-Match", "\"v1\""));

    assertThat(response.statusCode()).isEqualTo(412);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.headers().firstValue("ETag")).hasValue("\"v2\"");
    assertThat(response.body()).isEqualTo(problem);
    assertThat(PRODUCT.takeRequest().header("If-Match")).isEqualTo("\"v1\"");
  }

  @Test
  void passesNotModifiedThrough() throws Exception {
    PRODUCT.respond(request -> StubUpstream.Reply.of(304, Map.of("ETag", "\"v3\""), ""));

    HttpResponse<String> response =
        send(request("/product/p-3").GET().header("If-None-Match", "\"v3\""));

    assertThat(response.statusCode()).isEqualTo(304);
    assertThat(response.headers().firstValue("ETag")).hasValue("\"v3\"");
    assertThat(PRODUCT.takeRequest().header("If-None-Match")).isEqualTo("\"v3\"");
  }

  @Test
  void passesCompressedBodyAndEncodingHeadersThroughUntouched() throws Exception {
    byte[] gzipped = gzip("{\"items\":[]}");
    BASKET.respond(
        request ->
            new StubUpstream.Reply(
                200,
                Map.of("Content-Type", "application/json", "Content-Encoding", "gzip"),
                gzipped,
                Duration.ZERO));

    HttpResponse<byte[]> response =
        client.send(
            request("/basket/swn-user").GET().header("Accept-Encoding", "gzip").build(),
            BodyHandlers.ofByteArray());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(response.body()).isEqualTo(gzipped);
    assertThat(BASKET.takeRequest().headers().get("Accept-Encoding")).containsExactly("gzip");
  }

  @Test
  void asksForNoCompressionTheCallerDidNotAskFor() throws Exception {
    send(get("/basket/swn-user"));

    assertThat(BASKET.takeRequest().header("Accept-Encoding")).isNull();
  }

  @Test
  void startsATraceWhenTheCallerSendsNoneAndForwardsIt() throws Exception {
    HttpResponse<String> response = send(get("/basket/swn-user"));

    String id = response.headers().firstValue("X-Request-Id").orElseThrow();
    assertThat(id).matches(TRACE_ID);
    assertThat(BASKET.takeRequest().header("traceparent")).matches("00-" + id + "-[0-9a-f]{16}-01");
  }

  @Test
  void continuesTheCallersTraceAndAnswersItsIdOnce() throws Exception {
    HttpResponse<String> response =
        send(request("/order/o-1").GET().header("traceparent", CALLER_TRACEPARENT));

    // The stub echoes an id too; the caller still sees a single value, the trace's id.
    assertThat(response.headers().allValues("X-Request-Id")).containsExactly(CALLER_TRACE_ID);
    String forwarded = ORDERING.takeRequest().header("traceparent");
    assertThat(forwarded).startsWith("00-" + CALLER_TRACE_ID + "-").doesNotContain(CALLER_SPAN_ID);
  }

  @Test
  void neitherACallersRequestIdNorAMalformedTraceparentBecomesTheId() throws Exception {
    for (String bad :
        new String[] {
          "bad id; drop table", "x".repeat(129), "00-" + "0".repeat(32) + "-00f067aa0ba902b7-01"
        }) {
      HttpResponse<String> response =
          send(request("/product").GET().header("X-Request-Id", bad).header("traceparent", bad));

      String id = response.headers().firstValue("X-Request-Id").orElseThrow();
      assertThat(id).matches(TRACE_ID).isNotEqualTo("0".repeat(32));
      StubUpstream.Received seen = PRODUCT.takeRequest();
      assertThat(seen.headers().get("traceparent"))
          .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
          .startsWith("00-" + id + "-");
    }
  }

  @Test
  void rejectsBodyWithContentLengthOverLimitBeforeItReachesService() throws Exception {
    HttpResponse<String> response =
        send(
            request("/product")
                .POST(BodyPublishers.ofByteArray(bytes(4096)))
                .header("Content-Type", "application/octet-stream"));

    assertProblem(response, 413, "/product");
    assertThat(PRODUCT.sawNoRequest()).isTrue();
  }

  @Test
  void rejectsChunkedBodyOverLimitBeforeItReachesService() throws Exception {
    HttpResponse<String> response =
        send(
            request("/basket/swn-user")
                .POST(chunked(bytes(4096)))
                .header("Content-Type", "application/octet-stream"));

    assertProblem(response, 413, "/basket/swn-user");
    assertThat(BASKET.sawNoRequest()).isTrue();
  }

  @Test
  void forwardsChunkedBodyWithinLimitIntact() throws Exception {
    byte[] body = bytes(1024);

    HttpResponse<String> response =
        send(
            request("/basket/swn-user")
                .POST(chunked(body))
                .header("Content-Type", "application/octet-stream"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(BASKET.takeRequest().body()).isEqualTo(body);
  }

  @Test
  void answersUnknownPathWithNotFoundProblem() throws Exception {
    HttpResponse<String> response =
        send(request("/products/p-1").GET().header("traceparent", CALLER_TRACEPARENT));

    assertProblem(response, 404, "/products/p-1");
    assertThat((String) JsonPath.read(response.body(), "$.requestId")).isEqualTo(CALLER_TRACE_ID);
    STUBS.forEach((name, stub) -> assertThat(stub.sawNoRequest()).as(name).isTrue());
  }

  @Test
  void reportsHealthAndProbesUpWithoutRoutingThem() throws Exception {
    for (String path :
        new String[] {
          "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"
        }) {
      HttpResponse<String> response = send(get(path));

      assertThat(response.statusCode()).as(path).isEqualTo(200);
      assertThat((String) JsonPath.read(response.body(), "$.status")).as(path).isEqualTo("UP");
    }
    STUBS.forEach((name, stub) -> assertThat(stub.sawNoRequest()).as(name).isTrue());
  }

  @Test
  void writesStructuredAccessLogLineWithTheTraceId(CapturedOutput output) throws Exception {
    send(request("/product/p-5").GET().header("traceparent", CALLER_TRACEPARENT));

    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(output.getOut().lines())
                    .filteredOn(
                        line -> line.contains("GET /product/p-5") && line.contains(CALLER_TRACE_ID))
                    .anySatisfy(
                        line -> {
                          assertThat((String) JsonPath.read(line, "$.message"))
                              .matches("GET /product/p-5 200 \\d+ms");
                          assertThat((String) JsonPath.read(line, "$.log.level")).isEqualTo("INFO");
                          assertThat((String) JsonPath.read(line, "$.traceId"))
                              .isEqualTo(CALLER_TRACE_ID);
                          assertThat((String) JsonPath.read(line, "$.spanId"))
                              .matches("[0-9a-f]{16}")
                              .isNotEqualTo(CALLER_SPAN_ID);
                        }));
  }

  private void assertProblem(HttpResponse<String> response, int status, String instance) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    String id = response.headers().firstValue("X-Request-Id").orElseThrow();
    assertThat((Integer) JsonPath.read(response.body(), "$.status")).isEqualTo(status);
    assertThat((String) JsonPath.read(response.body(), "$.title")).isNotBlank();
    assertThat((String) JsonPath.read(response.body(), "$.type")).isNotBlank();
    assertThat((String) JsonPath.read(response.body(), "$.instance")).isEqualTo(instance);
    assertThat((String) JsonPath.read(response.body(), "$.requestId")).isEqualTo(id);
  }

  private HttpRequest.Builder request(String target) {
    // The operator's token passes every edge rule: these tests are about proxying
    // (EdgeAuthorizationTest: rules).
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + target))
        .header(
            "Authorization", "Bearer " + com.swn.testsupport.TestIssuer.shared().operatorToken())
        .timeout(Duration.ofSeconds(10));
  }

  private HttpRequest.Builder get(String target) {
    return request(target).GET();
  }

  private HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return client.send(request.build(), BodyHandlers.ofString());
  }

  // An input-stream publisher has no length, so the JDK client sends it chunked.
  private static BodyPublisher chunked(byte[] body) {
    return BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  private static byte[] bytes(int size) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (i % 251);
    }
    return bytes;
  }
}
