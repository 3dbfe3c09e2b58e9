package com.swn.ordering.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The command a checkout event turns into. {@code declaredTotal} is what the producer computed; the
 * order computes its own and only compares.
 *
 * @param eventId the id of the event that carries the command, stored with the order
 */
public record PlaceOrder(
    UUID eventId,
    String orderId,
    String userName,
    Instant orderDate,
    List<OrderLine> items,
    Customer customer,
    PaymentMethod paymentMethod,
    BigDecimal declaredTotal) {

  Order toOrder() {
    return Order.place(orderId, userName, orderDate, items, customer, paymentMethod);
  }
}
