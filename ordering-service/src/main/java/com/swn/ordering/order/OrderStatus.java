package com.swn.ordering.order;

/** Where an order is in its life. Only {@link Order}'s transition methods move it on. */
public enum OrderStatus {
  PLACED,
  CANCELLED
}
