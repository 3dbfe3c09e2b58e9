package com.swn.basket.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.swn.basket.basket.Basket;
import com.swn.basket.basket.BasketLine;
import com.swn.contracts.EventContracts;
import com.swn.platform.PlatformProperties;
import com.swn.platform.events.EventFactory;
import com.swn.platform.events.InvalidEventException;
import com.swn.platform.outbox.OutboxEvent;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import tools.jackson.databind.json.JsonMapper;

/**
 * Contract parity of the checkout (issue 11, hole 1): every request the HTTP layer accepts (Bean
 * Validation of {@link CheckoutRequest}, as {@code @Valid} applies it) turns a basket into a {@code
 * CheckoutBasket} event that the ordering service's contract check accepts, so a 202 can never end
 * in the dead-letter queue. And for the e-mail address, the field the two used to disagree on, the
 * HTTP layer refuses exactly what the contract refuses.
 */
class CheckoutContractPropertiesTest {

  private static final Validator VALIDATOR =
      Validation.buildDefaultValidatorFactory().getValidator();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  private static final EventFactory EVENTS =
      new EventFactory(
          JSON,
          new PlatformProperties.Events("SwnEventBus", "com.swn.basket"),
          Clock.fixed(NOW, ZoneOffset.UTC));

  private static OutboxEvent event(CheckoutRequest request, Basket basket) {
    return EVENTS.create(
        "com.swn.basket.checkoutbasket",
        CheckoutBasket.of(UUID.randomUUID(), basket, request, NOW));
  }

  private static boolean httpAccepts(CheckoutRequest request) {
    return VALIDATOR.validate(request).isEmpty();
  }

  private static boolean contractAccepts(CheckoutRequest request, Basket basket) {
    try {
      return EventContracts.violations(JSON.readTree(event(request, basket).detail())).isEmpty();
    } catch (InvalidEventException e) {
      return false;
    }
  }

  private static Basket basket(String userName, List<BasketLine> lines) {
    return new Basket(userName, lines, 7, NOW.plusSeconds(3600), NOW);
  }

  @Property(tries = 1000)
  void everyAcceptedRequestMakesAContractValidEvent(
      @ForAll("requests") CheckoutRequest request, @ForAll("lines") List<BasketLine> lines) {
    var accepted = httpAccepts(request);
    Statistics.collect(accepted ? "accepted" : "refused");
    Statistics.coverage(coverage -> coverage.check("accepted").percentage(p -> p > 15));
    if (accepted) {
      var basket = basket(request.userName(), lines);
      assertThatCode(() -> event(request, basket))
          .as("the producer's own check")
          .doesNotThrowAnyException();
      assertThat(EventContracts.violations(JSON.readTree(event(request, basket).detail())))
          .as("the consumer's check of the published text")
          .isEmpty();
    }
  }

  @Property(tries = 1000)
  void theHttpLayerRefusesExactlyTheAddressesTheContractRefuses(
      @ForAll("emails") String email, @ForAll("lines") List<BasketLine> lines) {
    var request =
        new CheckoutRequest("ada", "Ada", "Lovelace", email, "1 Analytical St", PaymentMethod.CARD);
    var accepted = httpAccepts(request);
    Statistics.collect(accepted ? "accepted" : "refused");
    assertThat(contractAccepts(request, basket("ada", lines))).as(email).isEqualTo(accepted);
  }

  @Provide
  Arbitrary<CheckoutRequest> requests() {
    var userName =
        Arbitraries.frequencyOf(
            Tuple.of(
                9,
                Arbitraries.strings()
                    .alpha()
                    .numeric()
                    .withChars("._-")
                    .ofMinLength(1)
                    .ofMaxLength(100)),
            Tuple.of(1, Arbitraries.strings().all().ofMaxLength(110)));
    var name = text(100);
    var address = text(500);
    var payment = Arbitraries.of(PaymentMethod.class).injectNull(0.05);
    return Combinators.combine(userName, name, name, emails(), address, payment)
        .as(CheckoutRequest::new);
  }

  /**
   * Mostly printable text up to the limit, with blanks, empties, any character and a little over
   * the limit.
   */
  private static Arbitrary<String> text(int max) {
    return Arbitraries.frequencyOf(
        Tuple.of(
            8,
            Arbitraries.strings()
                .alpha()
                .numeric()
                .withChars(" ,.'-äßЖ中")
                .ofMinLength(1)
                .ofMaxLength(max)),
        Tuple.of(1, Arbitraries.strings().all().ofMinLength(0).ofMaxLength(max + 5)),
        Tuple.of(1, Arbitraries.of("", " ", "\t", "\u00a0", "x".repeat(max), "x".repeat(max + 1))));
  }

  @Provide
  Arbitrary<String> emails() {
    var atom =
        Arbitraries.strings()
            .alpha()
            .numeric()
            .withChars("!#$%&'*+/=?^_`{|}~-")
            .ofMinLength(1)
            .ofMaxLength(20);
    var label =
        Arbitraries.strings().alpha().numeric().withChars("-").ofMinLength(1).ofMaxLength(64);
    var wellFormed =
        Combinators.combine(
                atom.list().ofMinSize(1).ofMaxSize(4),
                label.list().ofMinSize(1).ofMaxSize(4),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10))
            .as(
                (atoms, labels, top) ->
                    String.join(".", atoms) + "@" + String.join(".", labels) + "." + top);
    var seen =
        Arbitraries.of(
            "ada@shop.internal",
            "ada@example.test",
            "ada@[10.0.0.1]",
            "ada@localhost",
            "ada@example.com",
            "Ada.Lovelace+shop@mail.example.co.uk",
            "ada@bücher.de",
            "\"ada\"@example.com",
            "ada@example.com\n",
            " ada@example.com",
            "ada@-x.io",
            "ada..b@x.io",
            "ada@1.2.3.4",
            "");
    return Arbitraries.frequencyOf(
        Tuple.of(6, wellFormed),
        Tuple.of(2, seen),
        Tuple.of(2, Arbitraries.strings().all().ofMaxLength(40)));
  }

  /**
   * Lines as the basket holds them: what the item API accepts, named and priced as the catalogue's
   * validation allows.
   */
  @Provide
  Arbitrary<List<BasketLine>> lines() {
    var productId =
        Arbitraries.strings().alpha().numeric().withChars("._-").ofMinLength(1).ofMaxLength(100);
    var productName =
        Arbitraries.strings()
            .alpha()
            .numeric()
            .withChars(" -'äЖ")
            .ofMinLength(1)
            .ofMaxLength(200)
            .filter(s -> !s.isBlank());
    var color =
        Arbitraries.strings()
            .alpha()
            .withChars(" -")
            .ofMinLength(1)
            .ofMaxLength(50)
            .injectNull(0.3);
    var quantity = Arbitraries.integers().between(1, BasketLine.MAX_QUANTITY);
    var price =
        Arbitraries.oneOf(
            Arbitraries.bigDecimals()
                .between(new BigDecimal("0.01"), new BigDecimal("999999999.99"))
                .ofScale(2),
            Arbitraries.of(
                new BigDecimal("0.01"),
                new BigDecimal("0.07"),
                new BigDecimal("19.99"),
                new BigDecimal("999999999.99")));
    var line =
        Combinators.combine(
                productId,
                productName,
                color,
                quantity,
                price,
                Arbitraries.longs().between(1, 1_000_000))
            .as((id, name, c, q, p, version) -> new BasketLine(id, name, c, q, p, version, true));
    return line.list().ofMinSize(1).ofMaxSize(6);
  }
}
