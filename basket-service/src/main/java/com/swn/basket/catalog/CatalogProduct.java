package com.swn.basket.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What the basket needs of a catalogue product. {@code version} is the product's version, the same
 * number its price events carry, so a basket line knows which price events are newer than its
 * price. Fields the basket does not use are ignored, so the catalogue may grow.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CatalogProduct(String id, String name, BigDecimal price, long version) {

  public CatalogProduct {
    price = price.setScale(2, RoundingMode.HALF_UP);
  }
}
