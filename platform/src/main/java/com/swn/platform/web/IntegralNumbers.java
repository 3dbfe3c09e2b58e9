package com.swn.platform.web;

import java.math.BigDecimal;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Integer fields read the way JSON Schema's {@code integer} is defined: any number with a zero
 * fractional part, so {@code 90} and {@code 90.0} are both 90, while {@code 1.9} is an error
 * (Jackson would either truncate it to 1 or, strictly, refuse {@code 90.0} too) and so is a number
 * outside the field's range. Strings, booleans and the like are refused by {@link StrictJson}'s
 * coercion rules.
 */
final class IntegralNumbers {

  private IntegralNumbers() {}

  static SimpleModule module() {
    var module = new SimpleModule("IntegralNumbers");
    var ints = new Integral<>(Integer.class, BigDecimal::intValueExact);
    var longs = new Integral<>(Long.class, BigDecimal::longValueExact);
    module.addDeserializer(Integer.class, ints);
    module.addDeserializer(int.class, ints);
    module.addDeserializer(Long.class, longs);
    module.addDeserializer(long.class, longs);
    return module;
  }

  private static final class Integral<T extends Number> extends ValueDeserializer<T> {

    private final Class<T> type;
    private final java.util.function.Function<BigDecimal, T> exact;

    Integral(Class<T> type, java.util.function.Function<BigDecimal, T> exact) {
      this.type = type;
      this.exact = exact;
    }

    @Override
    public T deserialize(JsonParser parser, DeserializationContext context) {
      var token = parser.currentToken();
      if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
        return type.cast(context.handleUnexpectedToken(type, parser));
      }
      try {
        return exact.apply(parser.getDecimalValue());
      } catch (ArithmeticException notAnIntegerOrOutOfRange) {
        return type.cast(
            context.handleWeirdNumberValue(
                type, parser.getNumberValue(), "not an integer in range"));
      }
    }
  }
}
