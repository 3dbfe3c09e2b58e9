package com.swn.ordering.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class OrderTest {

  private static final Customer ADA =
      new Customer("Ada", "Lovelace", "ada@example.com", "12 Engine Street");

  private static OrderLine line(int quantity, String unitPrice) {
    return new OrderLine("p-" + unitPrice, "Thing", null, quantity, new BigDecimal(unitPrice));
  }

  private static Order placed(OrderLine... lines) {
    return Order.place(
        "o-1",
        "ada",
        Instant.parse("2026-01-01T10:00:00Z"),
        List.of(lines),
        ADA,
        PaymentMethod.CARD);
  }

  @Test
  void computesTheTotalFromQuantitiesAndUnitPricesExactly() {
    var order = placed(line(3, "0.10"), line(2, "19.9"), line(1, "0.2"));

    // 0.30 + 39.80 + 0.20: with doubles 3 × 0.1 alone would already be 0.30000000000000004.
    assertThat(order.totalPrice()).hasToString("40.30");
    assertThat(order.items().get(1).lineTotal()).hasToString("39.80");
  }

  @Test
  void isPlacedAtVersionOne() {
    var order = placed(line(1, "5"));

    assertThat(order.status()).isEqualTo(OrderStatus.PLACED);
    assertThat(order.version()).isEqualTo(1);
  }

  @Test
  void cancelsAPlacedOrderAndBumpsTheVersion() {
    var cancelled = placed(line(1, "5")).cancel();

    assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(cancelled.version()).isEqualTo(2);
    assertThat(cancelled.totalPrice()).hasToString("5.00");
  }

  @Test
  void refusesToCancelTwiceNamingTheCurrentStatus() {
    var cancelled = placed(line(1, "5")).cancel();

    assertThatThrownBy(cancelled::cancel)
        .isInstanceOfSatisfying(
            OrderStatusConflictException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
              assertThat(e.getBody().getProperties()).containsEntry("currentStatus", "CANCELLED");
            });
  }

  @Test
  void rejectsOrdersWithoutLinesAndLinesThatCannotBeMoney() {
    assertThatThrownBy(() -> placed()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> line(0, "1.00")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> line(1, "0")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> line(1, "1.005")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keepsPersonalDataOutOfToString() {
    assertThat(placed(line(1, "5")).toString())
        .doesNotContain("Ada", "Lovelace", "ada@example.com", "Engine");
  }
}
