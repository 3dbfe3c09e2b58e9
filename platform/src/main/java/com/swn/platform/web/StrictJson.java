package com.swn.platform.web;

import java.util.List;
import java.util.Map;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies mean what they say: Jackson's default coercions would turn {@code 1.9} into the
 * quantity 1 ({@link IntegralNumbers} reads integers as JSON Schema defines them), {@code "19.90"}
 * into a price, {@code 123} into a name, a number into an enum constant, and keep the last of two
 * duplicate keys. Here each of those is an error (a 400), so a body the OpenAPI document rejects is
 * rejected by the service too. Unknown properties, nulls for primitives and trailing tokens are
 * refused as well.
 */
public final class StrictJson implements JsonMapperBuilderCustomizer {

  /** For each kind of target, the JSON shapes that must not be coerced into it. */
  private static final Map<LogicalType, List<CoercionInputShape>> REFUSED =
      Map.of(
          // 1.9 or "2" as a quantity
          LogicalType.Integer,
              List.of(
                  CoercionInputShape.Float,
                  CoercionInputShape.String,
                  CoercionInputShape.EmptyString,
                  CoercionInputShape.Boolean),
          LogicalType.Float,
              List.of(
                  CoercionInputShape.String,
                  CoercionInputShape.EmptyString,
                  CoercionInputShape.Boolean),
          LogicalType.Boolean,
              List.of(
                  CoercionInputShape.Integer,
                  CoercionInputShape.Float,
                  CoercionInputShape.String,
                  CoercionInputShape.EmptyString),
          LogicalType.Textual,
              List.of(
                  CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean),
          LogicalType.Enum,
              List.of(
                  CoercionInputShape.Integer,
                  CoercionInputShape.Float,
                  CoercionInputShape.EmptyString),
          LogicalType.Collection,
              List.of(CoercionInputShape.String, CoercionInputShape.EmptyString));

  @Override
  public void customize(JsonMapper.Builder builder) {
    builder
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(
            DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
            DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
            DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .addModule(IntegralNumbers.module());
    REFUSED.forEach(
        (type, shapes) ->
            builder.withCoercionConfig(
                type,
                config -> shapes.forEach(shape -> config.setCoercion(shape, CoercionAction.Fail))));
  }
}
