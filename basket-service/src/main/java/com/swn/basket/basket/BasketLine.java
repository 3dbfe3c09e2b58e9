package com.swn.basket.basket;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One line of a basket: a product in one color. Name and unit price come from the catalogue; {@code
 * priceVersion} is the product version that price belongs to, so only a newer price event can
 * change it. A line whose product left the catalogue stays visible but {@code available = false}.
 */
public record BasketLine(
    String productId,
    String productName,
    @Nullable String color,
    int quantity,
    BigDecimal unitPrice,
    long priceVersion,
    boolean available) {

  public static final int MAX_QUANTITY = 99;

  public BasketLine {
    unitPrice = unitPrice.setScale(2, RoundingMode.HALF_UP);
  }

  /** Exact: quantity times unit price, two places. */
  public BigDecimal lineTotal() {
    return unitPrice.multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.UNNECESSARY);
  }

  boolean isFor(String productId, @Nullable String color) {
    return this.productId.equals(productId) && Objects.equals(this.color, color);
  }

  BasketLine withQuantity(int quantity) {
    return new BasketLine(
        productId, productName, color, quantity, unitPrice, priceVersion, available);
  }

  /** Null when this line already reflects that version or a later one. */
  @Nullable BasketLine repriced(String name, BigDecimal price, long version) {
    if (version <= priceVersion || !available) {
      return null;
    }
    return new BasketLine(productId, name, color, quantity, price, version, true);
  }

  /** The catalogue has a newer version of the product, and it shows another name or price. */
  boolean isOutdatedBy(String name, BigDecimal price, long version) {
    return available
        && version > priceVersion
        && (unitPrice.compareTo(price) != 0 || !productName.equals(name));
  }

  @Nullable BasketLine withdrawn(long version) {
    if (!available) {
      return null;
    }
    return new BasketLine(
        productId, productName, color, quantity, unitPrice, Math.max(version, priceVersion), false);
  }
}
