package com.swn.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import com.swn.localaws.LocalAws;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrderingServiceApplicationTest {

  @DynamicPropertySource
  static void aws(DynamicPropertyRegistry registry) {
    LocalAws.shared().springProperties().forEach((key, value) -> registry.add(key, () -> value));
  }

  @LocalServerPort int port;

  @Test
  void startsAndReportsReadyAndAnswersUnknownPathsWithAProblem() throws Exception {
    var http = HttpClient.newHttpClient();
    var readiness = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString());
    var unknown = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/nowhere")).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(readiness.statusCode()).isEqualTo(200);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
  }
}
