package com.swn.basket.basket;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A basket as clients see it; {@code version} is also its ETag. */
record BasketResponse(
    String userName,
    List<Line> items,
    BigDecimal totalPrice,
    long version,
    Instant expiresAt,
    Instant updatedAt) {

  record Line(
      String productId,
      String productName,
      @Schema(types = {"string", "null"}) @Nullable String color,
      int quantity,
      BigDecimal unitPrice,
      BigDecimal lineTotal,
      long priceVersion,
      boolean available) {}

  static BasketResponse of(Basket basket) {
    return new BasketResponse(
        basket.userName(),
        basket.lines().stream()
            .map(
                line ->
                    new Line(
                        line.productId(),
                        line.productName(),
                        line.color(),
                        line.quantity(),
                        line.unitPrice(),
                        line.lineTotal(),
                        line.priceVersion(),
                        line.available()))
            .toList(),
        basket.totalPrice(),
        basket.version(),
        basket.expiresAt(),
        basket.updatedAt());
  }
}
