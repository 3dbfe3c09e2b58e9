package com.swn.product.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ProductTest {

  private static ProductDetails details(String price) {
    return new ProductDetails("Lamp", null, null, new BigDecimal(price), "Home");
  }

  @Test
  void startsAtVersionOneWithAPriceOfTwoPlaces() {
    var product = Product.create("id", details("12.5"));

    assertThat(product.version()).isEqualTo(1);
    assertThat(product.price()).isEqualByComparingTo("12.50").hasToString("12.50");
  }

  @Test
  void bumpsTheVersionOnEveryUpdate() {
    var product = Product.create("id", details("12.5")).update(details("12.5"));

    assertThat(product.version()).isEqualTo(2);
  }

  @Test
  void comparesPricesByValueNotScale() {
    var product = Product.create("id", details("10"));

    assertThat(product.update(details("10.00")).priceDiffersFrom(product)).isFalse();
    assertThat(product.update(details("10.01")).priceDiffersFrom(product)).isTrue();
  }
}
