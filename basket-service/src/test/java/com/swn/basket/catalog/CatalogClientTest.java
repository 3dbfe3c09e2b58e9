package com.swn.basket.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.swn.basket.BasketProperties;
import com.swn.basket.CatalogueStub;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/** The catalogue client against a real HTTP server: retries, timeouts and error mapping. */
class CatalogClientTest {

  private static final CatalogueStub STUB = CatalogueStub.shared();

  private static CatalogClient catalog(String url) {
    return catalog(url, Duration.ofSeconds(30), 8);
  }

  private static CatalogClient catalog(String url, Duration deadline, int concurrency) {
    var settings =
        new BasketProperties.Catalog(
            URI.create(url),
            Duration.ofSeconds(2),
            Duration.ofSeconds(5),
            2,
            Duration.ofMillis(10),
            Duration.ofMillis(5),
            deadline,
            concurrency);
    var properties =
        new BasketProperties(
            "basket",
            "index",
            "idempotency",
            "prices",
            "queue",
            "repricing-queue",
            Duration.ofDays(7),
            Duration.ofDays(1),
            100,
            3,
            settings,
            new BasketProperties.Checkout("com.swn.basket.checkoutbasket"));
    return new CatalogClient(
        RestClient.builder(),
        properties,
        new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
  }

  @Test
  void readsNamePriceAndVersionAndIgnoresOtherFields() {
    var id = STUB.add("Lamp", "19.9");

    var product = catalog(STUB.url()).product(id);

    assertThat(product.name()).isEqualTo("Lamp");
    assertThat(product.price()).hasToString("19.90");
    assertThat(product.version()).isEqualTo(1);
  }

  @Test
  void retriesTransientServerErrors() {
    var id = STUB.add("Flaky", "5");
    STUB.fail(id, 2);

    assertThat(catalog(STUB.url()).product(id).name()).isEqualTo("Flaky");
    assertThat(STUB.requestsFor(id)).isEqualTo(3);
  }

  @Test
  void givesUpAfterTheRetriesWithA503() {
    var id = STUB.add("Down", "5");
    STUB.fail(id, -1);

    assertThatThrownBy(() -> catalog(STUB.url()).product(id))
        .isInstanceOf(CatalogUnavailableException.class);
    assertThat(STUB.requestsFor(id)).isEqualTo(3);
  }

  @Test
  void doesNotRetryAnUnknownProduct() {
    var id = "no-such-product-" + System.nanoTime();

    assertThatThrownBy(() -> catalog(STUB.url()).product(id))
        .isInstanceOf(UnknownProductException.class);
    assertThat(STUB.requestsFor(id)).isEqualTo(1);
  }

  @Test
  void aCatalogueThatHangsForEveryProductIsA503WithinTheDeadline() {
    var ids = new ArrayList<String>();
    for (int i = 0; i < 10; i++) {
      var id = STUB.add("Hung " + i, "5");
      STUB.delay(id, Duration.ofSeconds(60));
      ids.add(id);
    }
    var started = System.nanoTime();

    assertThatThrownBy(() -> catalog(STUB.url(), Duration.ofSeconds(1), 4).products(ids))
        .isInstanceOf(CatalogUnavailableException.class);
    // One deadline, not 10 x (5 s read timeout x 3 attempts); generous for a loaded machine.
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
  }

  @Test
  void looksProductsUpInParallelWithBoundedConcurrency() {
    var ids = new ArrayList<String>();
    for (int i = 0; i < 6; i++) {
      var id = STUB.add("Slow " + i, "1." + i);
      STUB.delay(id, Duration.ofMillis(700));
      ids.add(id);
    }
    STUB.takeMaxInFlight();

    // Six look-ups of 0.7 s each, three at a time: about 1.4 s, within a 3.5 s deadline that six
    // sequential look-ups (4.2 s) would miss.
    var products = catalog(STUB.url(), Duration.ofMillis(3500), 3).products(ids);

    assertThat(products.keySet()).containsExactlyElementsOf(ids);
    assertThat(products.get(ids.get(5)).price()).hasToString("1.50");
    assertThat(STUB.takeMaxInFlight()).isBetween(2, 3);
  }

  @Test
  void anUnknownProductWinsOverAnUnavailableOne() {
    var down = STUB.add("Down", "5");
    STUB.fail(down, -1);

    assertThatThrownBy(
            () ->
                catalog(STUB.url()).products(List.of(down, "no-such-product-" + System.nanoTime())))
        .isInstanceOf(UnknownProductException.class);
  }

  @Test
  void answers503QuicklyWhenNothingListens() throws Exception {
    int port;
    try (var socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    var started = System.nanoTime();

    assertThatThrownBy(() -> catalog("http://127.0.0.1:" + port).product("any"))
        .isInstanceOf(CatalogUnavailableException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
  }
}
