package com.swn.basket.checkout;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A checkout without a usable {@code Idempotency-Key} could not be retried safely: refused. */
class InvalidIdempotencyKeyException extends ErrorResponseException {

  static final String PATTERN = "^[A-Za-z0-9._-]{1,128}$";
  private static final Pattern KEY = Pattern.compile(PATTERN);

  private InvalidIdempotencyKeyException(String detail) {
    super(HttpStatus.BAD_REQUEST, problem(detail), null);
  }

  /** The key, if it is present and plain. */
  static String check(@Nullable String key) {
    if (key == null) {
      throw new InvalidIdempotencyKeyException(
          "Send an Idempotency-Key header (a new random value per checkout, the same one on a retry).");
    }
    if (!KEY.matcher(key).matches()) {
      throw new InvalidIdempotencyKeyException(
          "The Idempotency-Key must be 1 to 128 letters, digits, '.', '_' or '-'.");
    }
    return key;
  }

  private static ProblemDetail problem(String detail) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setTitle("Idempotency-Key required");
    return problem;
  }
}
