package com.swn.basket.checkout;

/** How the customer will pay. Card details never pass through the basket service. */
public enum PaymentMethod {
  CARD,
  INVOICE,
  PAYPAL,
  CASH_ON_DELIVERY
}
