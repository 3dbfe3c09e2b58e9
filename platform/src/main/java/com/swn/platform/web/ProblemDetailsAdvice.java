package com.swn.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one error model of every service: RFC 9457 problem details with the request id, and never a
 * stack trace, SDK message or parser internals in the body. Services add their own {@code
 * ErrorResponseException}s; everything else that escapes a controller becomes a bare 500.
 *
 * <p>It replaces Boot's own handler, so leave {@code spring.mvc.problemdetails.enabled} off.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

  @Override
  protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    var errors =
        ex.getBindingResult().getFieldErrors().stream()
            .map(ProblemDetailsAdvice::fieldError)
            .toList();
    var globalErrors =
        ex.getBindingResult().getGlobalErrors().stream()
            .map(
                error ->
                    Map.of(
                        "field",
                        error.getObjectName(),
                        "message",
                        message(error.getDefaultMessage())))
            .toList();
    return validationProblem(ex, concat(errors, globalErrors), headers, request);
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    var errors =
        ex.getParameterValidationResults().stream()
            .flatMap(
                result ->
                    result instanceof ParameterErrors bodyErrors
                        // A @Valid body validated as a method parameter: report its field paths.
                        ? bodyErrors.getFieldErrors().stream().map(ProblemDetailsAdvice::fieldError)
                        : result.getResolvableErrors().stream()
                            .map(
                                error ->
                                    Map.of(
                                        "field",
                                            String.valueOf(
                                                result.getMethodParameter().getParameterName()),
                                        "message", message(error.getDefaultMessage()))))
            .toList();
    return validationProblem(ex, errors, headers, request);
  }

  /**
   * A path or query value of the wrong type. Spring's own detail quotes the value as it was bound,
   * which for a repeated parameter is a Java array's {@code toString}.
   */
  @Override
  protected @Nullable ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    var name =
        ex instanceof MethodArgumentTypeMismatchException argument
            ? argument.getName()
            : String.valueOf(ex.getPropertyName());
    var type = ex.getRequiredType();
    var message =
        type != null
                && Number.class.isAssignableFrom(
                    org.springframework.util.ClassUtils.resolvePrimitiveIfNecessary(type))
            ? "must be an integer"
            : "has an invalid value";
    return validationProblem(
        ex, List.of(Map.of("field", name, "message", message)), headers, request);
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    var tooLarge = findCause(ex, RequestBodyLimitFilter.BodyTooLargeException.class);
    if (tooLarge != null) {
      var problem = RequestBodyLimitFilter.tooLarge(tooLarge.maxBytes());
      return handleExceptionInternal(ex, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
    }
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, unreadableDetail(ex));
    problem.setTitle("Unreadable request body");
    return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
  }

  /** Anything unexpected: log it in full here, tell the client nothing about it. */
  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
    log.error("Unhandled error", ex);
    var problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "The request could not be completed. Quote the request id when reporting it.");
    problem.setTitle("Internal error");
    return handleExceptionInternal(
        ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
  }

  /**
   * Every problem this advice writes gets the request path as {@code instance} and the request id.
   */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception ex,
      @Nullable Object body,
      HttpHeaders headers,
      HttpStatusCode statusCode,
      WebRequest request) {
    if (body instanceof ProblemDetail problem) {
      enrich(problem, request);
    }
    return super.handleExceptionInternal(ex, body, headers, statusCode, request);
  }

  @Override
  protected ResponseEntity<Object> createResponseEntity(
      @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
    if (body instanceof ProblemDetail problem) {
      enrich(problem, request);
    }
    return super.createResponseEntity(body, headers, statusCode, request);
  }

  private static void enrich(ProblemDetail problem, WebRequest request) {
    if (problem.getInstance() == null && request instanceof ServletWebRequest servlet) {
      HttpServletRequest http = servlet.getRequest();
      problem.setInstance(URI.create(http.getRequestURI()));
    }
    var requestId = RequestIds.current();
    if (requestId != null) {
      problem.setProperty("requestId", requestId);
    }
  }

  private ResponseEntity<Object> validationProblem(
      Exception ex, List<Map<String, String>> allErrors, HttpHeaders headers, WebRequest request) {
    // One entry per field: "" breaks @NotBlank, @Size(min = 1) and a non-blank @Pattern at once.
    var byField = new java.util.LinkedHashMap<String, Map<String, String>>();
    allErrors.forEach(error -> byField.putIfAbsent(error.get("field"), error));
    var errors = List.copyOf(byField.values());
    var problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid fields.");
    problem.setTitle("Validation failed");
    problem.setProperty("errors", errors);
    return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
  }

  private static String unreadableDetail(HttpMessageNotReadableException ex) {
    var unknown = findCause(ex, UnrecognizedPropertyException.class);
    if (unknown != null) {
      return "Unknown field '" + path(unknown) + "'.";
    }
    var invalid = findCause(ex, InvalidFormatException.class);
    if (invalid != null) {
      return "Field '" + path(invalid) + "' has an invalid value.";
    }
    var mismatched = findCause(ex, MismatchedInputException.class);
    if (mismatched != null && !mismatched.getPath().isEmpty()) {
      return "Field '" + path(mismatched) + "' has the wrong type.";
    }
    if (findCause(ex, StreamReadException.class) != null) {
      return "The request body is not well-formed JSON.";
    }
    return "The request body is missing or cannot be read.";
  }

  private static String path(JacksonException ex) {
    var path = new StringBuilder();
    for (var reference : ex.getPath()) {
      if (reference.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static Map<String, String> fieldError(FieldError error) {
    return Map.of("field", error.getField(), "message", message(error.getDefaultMessage()));
  }

  private static String message(@Nullable String message) {
    return message == null ? "is invalid" : message;
  }

  private static <T> List<T> concat(List<T> first, List<T> second) {
    return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
  }

  private static <T extends Throwable> @Nullable T findCause(Throwable ex, Class<T> type) {
    for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return type.cast(cause);
      }
    }
    return null;
  }
}
