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

    assertThat(product.update(details("10.00")).nameOrPriceDiffersFrom(product)).isFalse();
    assertThat(product.update(details("10.01")).nameOrPriceDiffersFrom(product)).isTrue();
  }

  @Test
  void aRenameIsAChangeBasketsFollow() {
    var product = Product.create("id", details("10"));
    var renamed = new ProductDetails("Desk lamp", null, null, new BigDecimal("10"), "Home");
    var recategorised = new ProductDetails("Lamp", "New text", null, new BigDecimal("10"), "Desk");

    assertThat(product.update(renamed).nameOrPriceDiffersFrom(product)).isTrue();
    assertThat(product.update(recategorised).nameOrPriceDiffersFrom(product)).isFalse();
  }
}
