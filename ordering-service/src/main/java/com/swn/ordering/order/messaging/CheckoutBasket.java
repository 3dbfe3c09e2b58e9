package com.swn.ordering.order.messaging;

import com.swn.ordering.order.Customer;
import com.swn.ordering.order.OrderLine;
import com.swn.ordering.order.PaymentMethod;
import com.swn.ordering.order.PlaceOrder;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The {@code data} of a CheckoutBasket v1 event, as published in {@code
 * CheckoutBasket.v1.schema.json}. Line totals and the total are read only to be compared: the order
 * computes its own.
 */
record CheckoutBasket(
    String orderId,
    String userName,
    List<Item> items,
    BigDecimal totalPrice,
    Customer customer,
    PaymentMethod paymentMethod,
    OffsetDateTime checkedOutAt) {

  record Item(
      String productId,
      String productName,
      @Nullable String color,
      int quantity,
      BigDecimal unitPrice,
      BigDecimal lineTotal) {}

  /** The order date is the checkout time; order ids are UUIDs, kept in their lower-case form. */
  PlaceOrder toCommand(UUID eventId) {
    return new PlaceOrder(
        eventId,
        orderId.toLowerCase(Locale.ROOT),
        userName,
        checkedOutAt.toInstant(),
        items.stream()
            .map(
                item ->
                    new OrderLine(
                        item.productId(),
                        item.productName(),
                        item.color(),
                        item.quantity(),
                        item.unitPrice()))
            .toList(),
        customer,
        paymentMethod,
        totalPrice);
  }
}
