package com.swn.basket.checkout;

import com.swn.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** The key already answered a different request: a client bug, never a retry. */
class IdempotencyKeyReusedException extends ProblemException {

  IdempotencyKeyReusedException() {
    super(
        HttpStatus.UNPROCESSABLE_CONTENT,
        "Idempotency-Key reused",
        "This Idempotency-Key was used for a different checkout request. Use a new key for a new request.");
  }
}
