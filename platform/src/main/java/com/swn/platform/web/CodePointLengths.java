package com.swn.platform.web;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.stream.Stream;
import org.hibernate.validator.constraints.CodePointLength;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.ParameterCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.core.MethodParameter;

/**
 * Puts Hibernate Validator's {@link CodePointLength} into the OpenAPI documents as {@code
 * minLength} / {@code maxLength}, as springdoc does by itself for {@code @Size}.
 *
 * <p>Why the services limit text with {@code @CodePointLength} and not {@code @Size}: JSON Schema
 * (the OpenAPI documents and the event contracts alike) counts a string's length in Unicode code
 * points, while {@code @Size} counts UTF-16 units, so a name of 150 letters outside the Basic
 * Multilingual Plane was within the documented {@code maxLength: 200} and still a 400 (found by the
 * OpenAPI fuzzer). Counting code points makes the service, its document and its events agree.
 */
public final class CodePointLengths implements PropertyCustomizer, ParameterCustomizer {

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  public Schema customize(Schema property, AnnotatedType type) {
    var length =
        find(
            type.getCtxAnnotations() == null
                ? Stream.empty()
                : Arrays.stream(type.getCtxAnnotations()));
    if (length != null) {
      apply(property, length);
    }
    return property;
  }

  @Override
  public @Nullable Parameter customize(
      @Nullable Parameter parameter, MethodParameter methodParameter) {
    var length = find(Arrays.stream(methodParameter.getParameterAnnotations()));
    if (parameter != null && length != null && parameter.getSchema() != null) {
      apply(parameter.getSchema(), length);
    }
    return parameter;
  }

  private static @Nullable CodePointLength find(Stream<Annotation> annotations) {
    return annotations
        .filter(CodePointLength.class::isInstance)
        .map(CodePointLength.class::cast)
        .findFirst()
        .orElse(null);
  }

  private static void apply(Schema<?> schema, CodePointLength length) {
    if (length.min() > 0) {
      schema.setMinLength(length.min());
    }
    if (length.max() < Integer.MAX_VALUE) {
      schema.setMaxLength(length.max());
    }
  }
}
