package com.swn.basket.checkout;

import com.swn.basket.basket.Basket;
import com.swn.basket.basket.BasketLine;
import com.swn.platform.events.IntegrationEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A basket was checked out and must become exactly one order ({@code CheckoutBasket.v1},
 * detail-type {@code CheckoutBasket}). The ordering service creates the order keyed by {@code
 * (userName, orderId)}, so a duplicate delivery cannot make a second one. Prices are the
 * catalogue's.
 */
record CheckoutBasket(
    UUID orderId,
    String userName,
    List<Item> items,
    BigDecimal totalPrice,
    Customer customer,
    PaymentMethod paymentMethod,
    Instant checkedOutAt)
    implements IntegrationEvent {

  record Item(
      String productId,
      String productName,
      @Nullable String color,
      int quantity,
      BigDecimal unitPrice,
      BigDecimal lineTotal) {

    static Item of(BasketLine line) {
      return new Item(
          line.productId(),
          line.productName(),
          line.color(),
          line.quantity(),
          line.unitPrice(),
          line.lineTotal());
    }
  }

  record Customer(String firstName, String lastName, String email, String address) {

    @Override
    public String toString() {
      return "Customer[personal data redacted]";
    }
  }

  static CheckoutBasket of(UUID orderId, Basket basket, CheckoutRequest request, Instant now) {
    return new CheckoutBasket(
        orderId,
        basket.userName(),
        basket.lines().stream().map(Item::of).toList(),
        basket.totalPrice(),
        new Customer(request.firstName(), request.lastName(), request.email(), request.address()),
        request.paymentMethod(),
        now);
  }
}
