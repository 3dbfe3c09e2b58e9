package com.swn.basket.checkout;

/** The checkout transaction lost to another one with the same key; the caller reads its answer. */
class IdempotencyKeyTakenException extends RuntimeException {

  IdempotencyKeyTakenException() {
    super(null, null, false, false);
  }
}
