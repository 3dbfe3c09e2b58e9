package com.swn.ordering.order;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An order as the API shows it, with the computed line totals and total. */
record OrderResponse(
    String orderId,
    String userName,
    OrderStatus status,
    Instant orderDate,
    List<Line> items,
    BigDecimal totalPrice,
    Customer customer,
    PaymentMethod paymentMethod,
    long version) {

  record Line(
      String productId,
      String productName,
      @Schema(types = {"string", "null"}) @Nullable String color,
      int quantity,
      BigDecimal unitPrice,
      BigDecimal lineTotal) {}

  static OrderResponse of(Order order) {
    return new OrderResponse(
        order.orderId(),
        order.userName(),
        order.status(),
        order.orderDate(),
        order.items().stream()
            .map(
                line ->
                    new Line(
                        line.productId(),
                        line.productName(),
                        line.color(),
                        line.quantity(),
                        line.unitPrice(),
                        line.lineTotal()))
            .toList(),
        order.totalPrice(),
        order.customer(),
        order.paymentMethod(),
        order.version());
  }
}
