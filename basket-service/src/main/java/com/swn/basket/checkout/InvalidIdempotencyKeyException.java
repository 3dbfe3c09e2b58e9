package com.swn.basket.checkout;

import com.swn.platform.web.ProblemException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/** A checkout without a usable {@code Idempotency-Key} could not be retried safely: refused. */
class InvalidIdempotencyKeyException extends ProblemException {

  static final String PATTERN = "^[A-Za-z0-9._-]{1,128}$";
  private static final Pattern KEY = Pattern.compile(PATTERN);

  private InvalidIdempotencyKeyException(String detail) {
    super(HttpStatus.BAD_REQUEST, "Idempotency-Key required", detail);
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
}
