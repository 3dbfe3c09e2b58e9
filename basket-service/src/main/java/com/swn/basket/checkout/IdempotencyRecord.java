package com.swn.basket.checkout;

import java.time.Instant;

/**
 * What a checkout leaves behind for retries with the same {@code Idempotency-Key}: the hash of the
 * request it answered and the answer. No personal data is kept here. The record is kept for good
 * (it is small), so a key that was accepted once can never start a second checkout; its answer is
 * replayed only until {@code answerUntil} ({@code CHECKOUT_IDEMPOTENCY_TTL} after the checkout).
 *
 * @param key {@code userName#Idempotency-Key}
 * @param requestHash SHA-256 of the canonical request body
 */
record IdempotencyRecord(
    String key, String requestHash, CheckoutAccepted response, Instant answerUntil) {

  boolean answers(String requestHash) {
    return this.requestHash.equals(requestHash);
  }

  boolean replayableAt(Instant now) {
    return answerUntil.isAfter(now);
  }
}
