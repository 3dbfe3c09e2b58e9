package com.swn.basket.checkout;

import java.time.Instant;

/**
 * What a checkout leaves behind for retries with the same {@code Idempotency-Key}: the hash of the
 * request it answered and the answer. No personal data is kept here.
 *
 * @param key {@code userName#Idempotency-Key}
 * @param requestHash SHA-256 of the canonical request body
 */
record IdempotencyRecord(String key, String requestHash, CheckoutAccepted response, Instant expiresAt) {

  boolean answers(String requestHash) {
    return this.requestHash.equals(requestHash);
  }
}
