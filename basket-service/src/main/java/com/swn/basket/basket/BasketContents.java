package com.swn.basket.basket;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** The body of {@code PUT /basket/{userName}}: the basket's lines, all of them. */
record BasketContents(@NotNull List<@NotNull @Valid ItemRequest> items) {}
