package com.swn.product.catalog;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A catalogue entry. {@code version} grows by one with every change and is the product's ETag, so a
 * client can only overwrite the version it has seen.
 */
public record Product(
    String id,
    String name,
    @Schema(types = {"string", "null"}) @Nullable String description,
    @Schema(types = {"string", "null"}) @Nullable String imageFile,
    BigDecimal price,
    String category,
    long version) {

  static Product create(String id, ProductDetails details) {
    return new Product(
        id,
        details.name(),
        details.description(),
        details.imageFile(),
        details.normalisedPrice(),
        details.category(),
        1);
  }

  Product update(ProductDetails details) {
    return new Product(
        id,
        details.name(),
        details.description(),
        details.imageFile(),
        details.normalisedPrice(),
        details.category(),
        version + 1);
  }

  /**
   * Whether a basket line copied from {@code other} (it holds the name and the price) is out of
   * date: that is what {@code ProductPriceChanged} announces. Prices compare by value, so 10.0 and
   * 10.00 are the same price.
   */
  boolean nameOrPriceDiffersFrom(Product other) {
    return price.compareTo(other.price) != 0 || !name.equals(other.name);
  }
}
