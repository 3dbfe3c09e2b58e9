package com.swn.basket.basket;

import com.swn.basket.InvalidParameterException;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.CodePointLength;
import org.jspecify.annotations.Nullable;

/**
 * What a client may say about a line: which product, how many, which color. Name and price are the
 * catalogue's; a client sending them gets a 400 for an unknown field.
 */
record ItemRequest(
    @NotNull @Pattern(regexp = ItemRequest.PRODUCT_ID, message = "must be a product id")
        String productId,
    @NotNull @Min(1) @Max(BasketLine.MAX_QUANTITY) Integer quantity,
    @CodePointLength(min = 1, max = 50) @Schema(types = {"string", "null"})
        @Nullable String color) {

  static final String PRODUCT_ID = "^[A-Za-z0-9._-]{1,100}$";

  private static final java.util.regex.Pattern VALID_PRODUCT_ID =
      java.util.regex.Pattern.compile(PRODUCT_ID);

  /** The product id from a path, if it is valid. */
  static String checkedProductId(String productId) {
    if (!VALID_PRODUCT_ID.matcher(productId).matches()) {
      throw new InvalidParameterException("productId", "must be a product id");
    }
    return productId;
  }

  /** The color from a query, if it is absent or valid. */
  static @Nullable String checkedColor(@Nullable String color) {
    if (color != null && (color.isEmpty() || color.codePointCount(0, color.length()) > 50)) {
      throw new InvalidParameterException("color", "size must be between 1 and 50");
    }
    return color;
  }
}
