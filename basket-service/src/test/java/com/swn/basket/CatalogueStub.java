package com.swn.basket;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the product service's {@code GET /product/{id}}, answering like it does (JSON
 * product, 404 problem for an unknown id). A product can be made to fail with 500 a number of
 * times, or always, to exercise the client's retries, or to answer late (a long delay stands for a
 * hung catalogue). One per test JVM.
 */
public final class CatalogueStub {

  private static final CatalogueStub SHARED = new CatalogueStub();

  private final Map<String, String> products = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  private final Map<String, Duration> delays = new ConcurrentHashMap<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private final HttpServer server;

  private CatalogueStub() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/product/", this::handle);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.start();
  }

  public static CatalogueStub shared() {
    return SHARED;
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Adds a product with a fresh id and returns the id. */
  public String add(String name, String price) {
    var id = UUID.randomUUID().toString();
    put(id, name, price, 1);
    return id;
  }

  public void put(String id, String name, String price, long version) {
    products.put(
        id,
        """
        {"id":"%s","name":"%s","description":"A %s","imageFile":"x.png","price":%s,"category":"Test","version":%d}
        """
            .formatted(id, name, name, new BigDecimal(price).toPlainString(), version));
  }

  /** The product leaves the catalogue: its id answers 404 from now on. */
  public void remove(String id) {
    products.remove(id);
  }

  /** The next {@code times} requests for the product answer 500; -1 means always. */
  public void fail(String id, int times) {
    failures.put(id, new AtomicInteger(times));
  }

  /**
   * Requests for the product answer only after {@code delay}; a long one stands for a hung
   * catalogue.
   */
  public void delay(String id, Duration delay) {
    delays.put(id, delay);
  }

  /** The most requests that were ever in progress at once since the last call. */
  public int takeMaxInFlight() {
    return maxInFlight.getAndSet(inFlight.get());
  }

  public int requestsFor(String id) {
    var count = requests.get(id);
    return count == null ? 0 : count.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    try {
      answer(exchange);
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private void answer(HttpExchange exchange) throws IOException {
    var id = exchange.getRequestURI().getPath().substring("/product/".length());
    requests.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
    var delay = delays.get(id);
    if (delay != null) {
      try {
        Thread.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    var failing = failures.get(id);
    if (failing != null && (failing.get() < 0 || failing.getAndDecrement() > 0)) {
      respond(
          exchange,
          500,
          "application/problem+json",
          "{\"status\":500,\"title\":\"Internal error\"}");
      return;
    }
    var product = products.get(id);
    if (product == null) {
      respond(
          exchange,
          404,
          "application/problem+json",
          "{\"status\":404,\"title\":\"Product not found\"}");
      return;
    }
    respond(exchange, 200, "application/json", product);
  }

  private static void respond(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    var bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
