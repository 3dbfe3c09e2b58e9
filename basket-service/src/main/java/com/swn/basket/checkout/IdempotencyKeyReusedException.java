package com.swn.basket.checkout;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The key already answered a different request: a client bug, never a retry. */
class IdempotencyKeyReusedException extends ErrorResponseException {

  IdempotencyKeyReusedException() {
    super(HttpStatus.UNPROCESSABLE_CONTENT, problem(), null);
  }

  private static ProblemDetail problem() {
    var problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNPROCESSABLE_CONTENT,
            "This Idempotency-Key was used for a different checkout request. Use a new key for a new request.");
    problem.setTitle("Idempotency-Key reused");
    return problem;
  }
}
