package com.swn.basket.checkout;

import com.swn.platform.web.ProblemException;
import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * A retry of an accepted checkout that comes after its answer's lifetime. The key is never free
 * again, so this is not a new checkout; the problem names the order the key placed.
 */
class IdempotencyKeyUsedException extends ProblemException {

  IdempotencyKeyUsedException(CheckoutAccepted earlier) {
    super(
        HttpStatus.CONFLICT,
        "Idempotency-Key already used",
        "This Idempotency-Key already placed an order, longer ago than its answer is kept. Nothing was ordered by this request; use a new key for a new checkout.");
    property("orderId", earlier.orderId());
    property("order", URI.create("/order/" + earlier.userName() + "/" + earlier.orderId()));
  }
}
