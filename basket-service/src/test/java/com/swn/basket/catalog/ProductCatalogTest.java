package com.swn.basket.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.swn.basket.BasketProperties;
import com.swn.basket.CatalogueStub;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/** The catalogue client against a real HTTP server: retries, timeouts and error mapping. */
class ProductCatalogTest {

  private static final CatalogueStub STUB = CatalogueStub.shared();

  private static ProductCatalog catalog(String url) {
    var settings =
        new BasketProperties.Catalog(
            URI.create(url), Duration.ofSeconds(2), Duration.ofSeconds(5), 2, Duration.ofMillis(10), Duration.ofMillis(5));
    var properties =
        new BasketProperties(
            "basket", "index", "idempotency", "queue", "repricing-queue", Duration.ofDays(7), Duration.ofDays(1), 100, 3, settings,
            new BasketProperties.Checkout("com.swn.basket.checkoutbasket"));
    return new ProductCatalog(RestClient.builder(), properties);
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

    assertThatThrownBy(() -> catalog(STUB.url()).product(id)).isInstanceOf(CatalogUnavailableException.class);
    assertThat(STUB.requestsFor(id)).isEqualTo(3);
  }

  @Test
  void doesNotRetryAnUnknownProduct() {
    var id = "no-such-product-" + System.nanoTime();

    assertThatThrownBy(() -> catalog(STUB.url()).product(id)).isInstanceOf(UnknownProductException.class);
    assertThat(STUB.requestsFor(id)).isEqualTo(1);
  }

  @Test
  void answers503QuicklyWhenNothingListens() throws Exception {
    int port;
    try (var socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    var started = System.nanoTime();

    assertThatThrownBy(() -> catalog("http://127.0.0.1:" + port).product("any")).isInstanceOf(CatalogUnavailableException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
  }
}
