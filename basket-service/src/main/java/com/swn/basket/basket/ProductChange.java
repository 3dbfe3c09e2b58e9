package com.swn.basket.basket;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A change of the catalogue that open baskets must follow, as the repricing work items carry it.
 *
 * @param productVersion the product's version after the change: a line at this version or later is
 *     left alone, so a repeated or late change does nothing
 * @param name the new name ({@link Kind#PRICE_CHANGED} only)
 * @param newPrice the new price ({@link Kind#PRICE_CHANGED} only)
 */
public record ProductChange(
    Kind kind,
    String productId,
    long productVersion,
    @Nullable String name,
    @Nullable BigDecimal newPrice) {

  public enum Kind {
    PRICE_CHANGED,
    DELETED
  }

  public static ProductChange priceChanged(
      String productId, String name, BigDecimal newPrice, long productVersion) {
    return new ProductChange(Kind.PRICE_CHANGED, productId, productVersion, name, newPrice);
  }

  /**
   * Lines of a deleted product stay, marked unavailable: not charged, and they block a checkout.
   */
  public static ProductChange deleted(String productId, long productVersion) {
    return new ProductChange(Kind.DELETED, productId, productVersion, null, null);
  }

  /** The basket after the change, or empty if it does not hold the product at an older version. */
  Optional<Basket> applyTo(Basket basket) {
    return switch (kind) {
      case PRICE_CHANGED ->
          basket.reprice(
              productId,
              Objects.requireNonNull(name, "name"),
              Objects.requireNonNull(newPrice, "newPrice"),
              productVersion);
      case DELETED -> basket.withdraw(productId, productVersion);
    };
  }
}
