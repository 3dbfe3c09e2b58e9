package com.swn.localaws;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Recognising the emulator behind an unnamed AWS_ENDPOINT_URL by its health endpoint. */
class EmulatorDetectorTest {

  @Test
  void recognisesEachEmulatorByTheEndpointOnlyItServes() throws Exception {
    assertThat(detectServing(List.of("/_floci/health", "/_localstack/health")))
        .isEqualTo(Emulator.FLOCI);
    assertThat(detectServing(List.of("/_localstack/health"))).isEqualTo(Emulator.LOCALSTACK);
    assertThat(detectServing(List.of("/moto-api/config"))).isEqualTo(Emulator.MOTO);
    assertThat(detectServing(List.of())).isEqualTo(Emulator.UNKNOWN);
  }

  @Test
  void recognisesTheMotoThatTheFixtureStarted() {
    LocalAws aws = LocalAws.shared();
    org.junit.jupiter.api.Assumptions.assumeTrue(aws.emulator() == Emulator.MOTO, "runs on moto");

    assertThat(EmulatorDetector.detect(aws.endpoint())).isEqualTo(Emulator.MOTO);
  }

  @Test
  void anEndpointThatDoesNotAnswerIsUnknown() {
    assertThat(EmulatorDetector.detect(URI.create("http://127.0.0.1:1")))
        .isEqualTo(Emulator.UNKNOWN);
  }

  private static Emulator detectServing(List<String> paths) throws Exception {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          int status = paths.contains(exchange.getRequestURI().getPath()) ? 200 : 404;
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
    try {
      return EmulatorDetector.detect(
          URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    } finally {
      server.stop(0);
    }
  }
}
