package com.swn.product.catalog;

import com.swn.platform.web.Patterns;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.hibernate.validator.constraints.CodePointLength;
import org.jspecify.annotations.Nullable;

/**
 * What a client may set on a product, for both create and replace. The id and version belong to the
 * server and are not accepted here.
 */
public record ProductDetails(
    @NotBlank
        @CodePointLength(min = 1, max = 200)
        @Pattern(regexp = Patterns.NON_BLANK, message = "must not be blank")
        String name,
    @CodePointLength(max = 2000) @Schema(types = {"string", "null"}) @Nullable String description,
    @Schema(types = {"string", "null"})
        @CodePointLength(max = 300)
        @Pattern(regexp = ProductDetails.FILE_NAME, message = "must be a plain file name")
        @Nullable String imageFile,
    @NotNull
        @DecimalMin(value = "0.01", message = "must be greater than 0")
        @DecimalMax(value = "999999999.99", message = "must have at most 9 digits before the point")
        @Digits(integer = 9, fraction = 2)
        @Schema(multipleOf = 0.01)
        BigDecimal price,
    @NotBlank
        @CodePointLength(min = 1, max = 100)
        @Pattern(regexp = Patterns.NON_BLANK, message = "must not be blank")
        String category) {

  /** A file name without a directory: no '/', and not '.', '..' or a hidden file. */
  static final String FILE_NAME = "^[A-Za-z0-9][A-Za-z0-9._-]*$";

  /** Validation allows at most two places, so this only pads: 12.5 is stored as 12.50. */
  BigDecimal normalisedPrice() {
    return price.setScale(2, RoundingMode.UNNECESSARY);
  }
}
