package com.swn.product.catalog;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How the OpenAPI document describes the catalogue's path parameter, declared once and put on a
 * parameter as one annotation without members. That also keeps a lookup cheap on every request:
 * Spring's conversion service finds the converter for a {@code String} path variable in a cache
 * where every String-to-String key has the same hash, so it compares the parameters' annotations,
 * and a {@code @Parameter(schema = @Schema(…))} written on each parameter is compared member by
 * member by reflection (docs/performance.md).
 */
final class PathParameters {

  /** What the OpenAPI document promises a product id looks like: the server makes UUIDs. */
  static final String ID = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

  private PathParameters() {}

  /** A product's id. */
  @Target(ElementType.PARAMETER)
  @Retention(RetentionPolicy.RUNTIME)
  @Parameter(schema = @Schema(pattern = ID))
  @interface ProductId {}
}
