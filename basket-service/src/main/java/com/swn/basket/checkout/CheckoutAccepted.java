package com.swn.basket.checkout;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * The answer to an accepted checkout, stored with the idempotency record so that a retry with the
 * same key gets exactly this again. The order itself is created by the ordering service.
 */
record CheckoutAccepted(UUID orderId, String userName, BigDecimal totalPrice, String status) {

  static final String ACCEPTED = "ACCEPTED";

  static CheckoutAccepted of(UUID orderId, String userName, BigDecimal totalPrice) {
    return new CheckoutAccepted(orderId, userName, totalPrice, ACCEPTED);
  }
}
