package com.swn.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** A service stand-in on a random loopback port that records what reaches it. */
final class StubUpstream implements AutoCloseable {

  /** One request as the service saw it. */
  record Received(
      String method, String path, @Nullable String rawQuery, Headers headers, byte[] body) {

    @Nullable String header(String name) {
      return headers.getFirst(name);
    }

    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** What the service answers; a {@code delay} holds the answer back. */
  record Reply(int status, Map<String, String> headers, byte[] body, Duration delay) {

    static Reply of(int status, Map<String, String> headers, String body) {
      return new Reply(status, headers, body.getBytes(StandardCharsets.UTF_8), Duration.ZERO);
    }

    Reply after(Duration delay) {
      return new Reply(status, headers, body, delay);
    }
  }

  private final String name;
  private final HttpServer server;
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private volatile Function<Received, Reply> responder;

  private StubUpstream(String name) throws IOException {
    this.name = name;
    this.responder = this::echo;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::handle);
    server.start();
  }

  static StubUpstream start(String name) {
    try {
      return new StubUpstream(name);
    } catch (IOException e) {
      throw new IllegalStateException("Could not start stub " + name, e);
    }
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  void respond(Function<Received, Reply> responder) {
    this.responder = responder;
  }

  /** Forgets earlier requests and goes back to the default 200 echo. */
  void reset() {
    received.clear();
    responder = this::echo;
  }

  Received takeRequest() throws InterruptedException {
    Received request = received.poll(5, TimeUnit.SECONDS);
    assertThat(request).as("a request reached the %s stub", name).isNotNull();
    return request;
  }

  boolean sawNoRequest() {
    return received.isEmpty();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  // Names itself and echoes the request id, as a service behind the gateway might.
  private Reply echo(Received request) {
    String requestId = request.header("X-Request-Id");
    return Reply.of(
        200,
        requestId == null
            ? Map.of("Content-Type", "application/json")
            : Map.of("Content-Type", "application/json", "X-Request-Id", requestId),
        "{\"service\":\"" + name + "\"}");
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      Received request =
          new Received(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getRawPath(),
              exchange.getRequestURI().getRawQuery(),
              exchange.getRequestHeaders(),
              body);
      received.add(request);
      Reply reply = responder.apply(request);
      sleep(reply.delay());
      reply.headers().forEach(exchange.getResponseHeaders()::set);
      // -1: no body at all, as 204 and 304 require.
      exchange.sendResponseHeaders(
          reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(reply.body());
      }
    }
  }

  private static void sleep(Duration delay) {
    try {
      Thread.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
