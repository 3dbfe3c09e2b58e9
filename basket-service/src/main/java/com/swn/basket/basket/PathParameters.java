package com.swn.basket.basket;

import com.swn.basket.UserNames;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How the OpenAPI document describes the basket's path parameters, each declared once and put on a
 * parameter as one annotation without members. That also keeps a lookup cheap on every request:
 * Spring's conversion service finds the converter for a {@code String} path variable in a cache
 * where every String-to-String key has the same hash, so it compares the parameters' annotations,
 * and {@code @Parameter(schema = @Schema(…))} written on the parameter is compared member by member
 * by reflection (3 % of a basket read's CPU, docs/performance.md). Annotations of different types
 * differ at once.
 */
final class PathParameters {

  private PathParameters() {}

  /** A basket's user name. */
  @Target(ElementType.PARAMETER)
  @Retention(RetentionPolicy.RUNTIME)
  @Parameter(schema = @Schema(pattern = UserNames.PATTERN))
  @interface UserName {}

  /** The product of a basket line. */
  @Target(ElementType.PARAMETER)
  @Retention(RetentionPolicy.RUNTIME)
  @Parameter(schema = @Schema(pattern = ItemRequest.PRODUCT_ID))
  @interface ProductId {}
}
