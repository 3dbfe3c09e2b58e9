package com.swn.product.catalog;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/**
 * What a client may set on a product, for both create and replace. The id and version belong to the
 * server and are not accepted here.
 */
public record ProductDetails(
    @NotBlank @Size(max = 200) String name,
    @Size(max = 2000) @Nullable String description,
    @Size(max = 300) @Pattern(regexp = "[A-Za-z0-9._/-]+", message = "must be a plain file name")
        @Nullable String imageFile,
    @NotNull @DecimalMin(value = "0.01", message = "must be greater than 0")
        @Digits(integer = 9, fraction = 2) BigDecimal price,
    @NotBlank @Size(max = 100) String category) {

  /** Validation allows at most two places, so this only pads: 12.5 is stored as 12.50. */
  BigDecimal normalisedPrice() {
    return price.setScale(2, RoundingMode.UNNECESSARY);
  }
}
