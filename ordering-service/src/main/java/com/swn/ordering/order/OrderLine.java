package com.swn.ordering.order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/**
 * One product in an order. Prices are exact decimals of at most two places; the line total is
 * computed here from quantity and unit price, never taken from a message.
 */
public record OrderLine(
    String productId,
    String productName,
    @Nullable String color,
    int quantity,
    BigDecimal unitPrice) {

  public OrderLine {
    if (quantity < 1) {
      throw new IllegalArgumentException("quantity must be at least 1");
    }
    if (unitPrice.signum() <= 0) {
      throw new IllegalArgumentException("unitPrice must be greater than 0");
    }
    if (unitPrice.stripTrailingZeros().scale() > 2) {
      throw new IllegalArgumentException("unitPrice must have at most two decimal places");
    }
    unitPrice = unitPrice.setScale(2, RoundingMode.UNNECESSARY);
  }

  public BigDecimal lineTotal() {
    return unitPrice.multiply(BigDecimal.valueOf(quantity));
  }
}
