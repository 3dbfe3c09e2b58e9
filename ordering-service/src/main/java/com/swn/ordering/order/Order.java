package com.swn.ordering.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order, placed once per checkout. It guards its own life: it is created {@link #place placed},
 * and only {@link #cancel()} moves it on; an illegal transition throws with the current status.
 * {@code version} grows by one with every change, so a stale writer can be detected.
 */
public record Order(
    String orderId,
    String userName,
    OrderStatus status,
    Instant orderDate,
    List<OrderLine> items,
    Customer customer,
    PaymentMethod paymentMethod,
    long version) {

  public Order {
    if (items.isEmpty()) {
      throw new IllegalArgumentException("an order needs at least one item");
    }
    if (version < 1) {
      throw new IllegalArgumentException("version starts at 1");
    }
    items = List.copyOf(items);
  }

  static Order place(
      String orderId,
      String userName,
      Instant orderDate,
      List<OrderLine> items,
      Customer customer,
      PaymentMethod paymentMethod) {
    return new Order(
        orderId, userName, OrderStatus.PLACED, orderDate, items, customer, paymentMethod, 1);
  }

  /** The sum of the line totals: computed from quantities and unit prices, exact, two places. */
  public BigDecimal totalPrice() {
    return items.stream()
        .map(OrderLine::lineTotal)
        .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
  }

  /** Only a placed order can be cancelled; cancelling it again is a conflict, not a no-op. */
  Order cancel() {
    if (status != OrderStatus.PLACED) {
      throw new OrderStatusConflictException(orderId, status, "cancelled");
    }
    return new Order(
        orderId,
        userName,
        OrderStatus.CANCELLED,
        orderDate,
        items,
        customer,
        paymentMethod,
        version + 1);
  }
}
