package com.swn.basket.checkout;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A retry of an accepted checkout that comes after its answer's lifetime. The key is never free
 * again, so this is not a new checkout; the problem names the order the key placed.
 */
class IdempotencyKeyUsedException extends ErrorResponseException {

  IdempotencyKeyUsedException(CheckoutAccepted earlier) {
    super(HttpStatus.CONFLICT, problem(earlier), null);
  }

  private static ProblemDetail problem(CheckoutAccepted earlier) {
    var problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONFLICT,
            "This Idempotency-Key already placed an order, longer ago than its answer is kept. Nothing was ordered by this request; use a new key for a new checkout.");
    problem.setTitle("Idempotency-Key already used");
    problem.setProperty("orderId", earlier.orderId());
    problem.setProperty(
        "order", URI.create("/order/" + earlier.userName() + "/" + earlier.orderId()));
    return problem;
  }
}
