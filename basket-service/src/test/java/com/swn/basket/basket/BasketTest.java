package com.swn.basket.basket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

class BasketTest {

  private static BasketLine line(
      String productId, @Nullable String color, int quantity, String price) {
    return new BasketLine(
        productId, "Name of " + productId, color, quantity, new BigDecimal(price), 1, true);
  }

  private static Basket basketOf(BasketLine... lines) {
    return Basket.empty("ann").replaceLines(List.of(lines));
  }

  private static HttpStatus status(Throwable e) {
    return HttpStatus.valueOf(((ErrorResponseException) e).getStatusCode().value());
  }

  @Test
  void totalsAreExactQuantityTimesUnitPriceWithTwoPlaces() {
    var basket =
        basketOf(
            line("a", null, 3, "19.99"), line("b", null, 7, "0.1"), line("c", null, 1, "0.01"));

    assertThat(basket.lines().get(1).lineTotal()).hasToString("0.70");
    assertThat(basket.totalPrice()).hasToString("60.68");
  }

  @Test
  void anEmptyBasketTotalsZero() {
    assertThat(Basket.empty("ann").totalPrice()).hasToString("0.00");
  }

  @Test
  void mergesTheSameProductAndColorButKeepsOtherColorsApart() {
    var basket =
        basketOf(line("a", "red", 1, "5"))
            .add(line("a", "red", 2, "5"))
            .add(line("a", "blue", 1, "5"));

    assertThat(basket.lines())
        .extracting(BasketLine::color, BasketLine::quantity)
        .containsExactly(tuple("red", 3), tuple("blue", 1));
  }

  @Test
  void takesTheCataloguesLatestPriceWhenMerging() {
    var basket = basketOf(line("a", null, 1, "5")).add(line("a", null, 1, "6"));

    assertThat(basket.totalPrice()).hasToString("12.00");
  }

  @Test
  void refusesMoreThanTheMaximumQuantityOrLines() {
    var full = new ArrayList<BasketLine>();
    for (int i = 0; i < Basket.MAX_LINES; i++) {
      full.add(line("p" + i, null, 1, "1"));
    }
    var basket = Basket.empty("ann").replaceLines(full);

    assertThatThrownBy(() -> basket.add(line("one-more", null, 1, "1")))
        .satisfies(e -> assertThat(status(e)).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT));
    assertThatThrownBy(() -> basketOf(line("a", null, 98, "1")).add(line("a", null, 2, "1")))
        .satisfies(e -> assertThat(status(e)).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT));
    assertThat(basket.add(line("p0", null, 98, "1")).lines()).hasSize(Basket.MAX_LINES);
  }

  @Test
  void changesQuantityOfTheOneMatchingLineAndAsksForAColorWhenThereAreSeveral() {
    var basket = basketOf(line("a", "red", 1, "5"), line("b", null, 1, "2"));

    assertThat(basket.changeQuantity("a", null, 4).totalPrice()).hasToString("22.00");
    var twoColors = basket.add(line("a", "blue", 1, "5"));
    assertThatThrownBy(() -> twoColors.changeQuantity("a", null, 2))
        .satisfies(e -> assertThat(status(e)).isEqualTo(HttpStatus.CONFLICT));
    assertThatThrownBy(() -> basket.changeQuantity("zzz", null, 2))
        .satisfies(e -> assertThat(status(e)).isEqualTo(HttpStatus.NOT_FOUND));
  }

  @Test
  void removesOneColorOrEveryLineOfAProduct() {
    var basket =
        basketOf(line("a", "red", 1, "5"), line("a", "blue", 1, "5"), line("b", null, 1, "2"));

    assertThat(basket.remove("a", "red").lines()).hasSize(2);
    assertThat(basket.remove("a", null).productIds()).containsExactly("b");
    assertThatThrownBy(() -> basket.remove("a", "green"))
        .satisfies(e -> assertThat(status(e)).isEqualTo(HttpStatus.NOT_FOUND));
  }

  @Test
  void repricesOnlyLinesOlderThanTheEventsVersion() {
    var basket = basketOf(line("a", null, 2, "5"), line("b", null, 1, "2"));

    var repriced = basket.reprice("a", "New name", new BigDecimal("6.5"), 2).orElseThrow();
    assertThat(repriced.totalPrice()).hasToString("15.00");
    assertThat(repriced.lines().getFirst().productName()).isEqualTo("New name");
    assertThat(repriced.reprice("a", "Old", new BigDecimal("1"), 2)).as("redelivered").isEmpty();
    assertThat(repriced.reprice("a", "Old", new BigDecimal("1"), 1)).as("out of order").isEmpty();
    assertThat(basket.reprice("zzz", "Other", BigDecimal.ONE, 9)).as("not in the basket").isEmpty();
  }

  @Test
  void withdrawnLinesAreNotChargedAndStayWithdrawn() {
    var basket = basketOf(line("a", null, 2, "5"), line("b", null, 1, "2"));

    var withdrawn = basket.withdraw("a", 3).orElseThrow();
    assertThat(withdrawn.totalPrice()).hasToString("2.00");
    assertThat(withdrawn.unavailableLines()).extracting(BasketLine::productId).containsExactly("a");
    assertThat(withdrawn.withdraw("a", 3)).isEmpty();
    assertThat(withdrawn.reprice("a", "Back?", BigDecimal.ONE, 2)).isEmpty();
  }

  @Test
  void aUsersChangeBumpsTheVersionAndExpiryButTheSystemsKeepsTheExpiry() {
    var now = Instant.parse("2026-01-01T00:00:00Z");
    var unsaved = basketOf(line("a", null, 1, "5"));
    var stored = unsaved.touch(now, Duration.ofDays(7));

    assertThat(stored.version()).isPositive().isNotEqualTo(unsaved.version());
    assertThat(stored.expiresAt()).isEqualTo(Instant.parse("2026-01-08T00:00:00Z"));
    var revised = stored.revise(now.plusSeconds(60));
    assertThat(revised.version()).isPositive().isNotEqualTo(stored.version());
    assertThat(revised.expiresAt()).isEqualTo(stored.expiresAt());
  }
}
