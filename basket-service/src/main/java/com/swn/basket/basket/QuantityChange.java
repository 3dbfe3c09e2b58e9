package com.swn.basket.basket;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The body of {@code PATCH /basket/{userName}/items/{productId}}. */
record QuantityChange(@NotNull @Min(1) @Max(BasketLine.MAX_QUANTITY) Integer quantity) {}
