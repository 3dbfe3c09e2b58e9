package com.swn.ordering.order;

/** How the customer pays; the same values as the CheckoutBasket contract. Never card data. */
public enum PaymentMethod {
  CARD,
  INVOICE,
  PAYPAL,
  CASH_ON_DELIVERY
}
