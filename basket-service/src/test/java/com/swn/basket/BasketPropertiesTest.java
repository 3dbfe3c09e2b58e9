package com.swn.basket;

import static org.assertj.core.api.Assertions.assertThat;

import com.swn.testsupport.ShippedConfiguration;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each default is stated once, in application.yml beside its variable; the record holds none of
 * those, so these bind from the shipped file as the service does.
 */
class BasketPropertiesTest {

  @Test
  void theShippedDefaultsAreTheLocalResources() {
    var properties = ShippedConfiguration.bind("basket", BasketProperties.class, Map.of());

    assertThat(properties.table()).isEqualTo("basket");
    assertThat(properties.productIndex()).isEqualTo("baskets-by-product");
    assertThat(properties.idempotencyTtl()).isEqualTo(Duration.ofDays(1));
    assertThat(properties.catalog().url()).isEqualTo(URI.create("http://127.0.0.1:8081"));
    assertThat(properties.catalog().lookupConcurrency()).isEqualTo(8);
    assertThat(properties.checkout().eventSource()).isEqualTo("com.swn.basket.checkoutbasket");
  }

  @Test
  void theDocumentedVariablesOverrideThem() {
    var properties =
        ShippedConfiguration.bind(
            "basket",
            BasketProperties.class,
            Map.of(
                "BASKET_TABLE", "t",
                "CHECKOUT_IDEMPOTENCY_TTL", "PT2H",
                "PRODUCT_SERVICE_URL", "http://product-service:8081",
                "PRODUCT_SERVICE_READ_TIMEOUT", "3s"));

    assertThat(properties.table()).isEqualTo("t");
    assertThat(properties.idempotencyTtl()).isEqualTo(Duration.ofHours(2));
    assertThat(properties.catalog().url()).isEqualTo(URI.create("http://product-service:8081"));
    assertThat(properties.catalog().readTimeout()).isEqualTo(Duration.ofSeconds(3));
  }
}
