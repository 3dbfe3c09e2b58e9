package com.swn.product.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.swn.contracts.EventContracts;
import com.swn.platform.PlatformProperties;
import com.swn.platform.events.EventFactory;
import com.swn.platform.events.IntegrationEvent;
import com.swn.product.catalog.ProductEvents.ProductCreated;
import com.swn.product.catalog.ProductEvents.ProductDeleted;
import com.swn.product.catalog.ProductEvents.ProductPriceChanged;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.Clock;
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
 * Contract parity of the product events (issue 11, hole 1): whatever product the HTTP layer accepts
 * (Bean Validation of {@link ProductDetails}, as {@code @Valid} applies it) makes {@code
 * ProductCreated}, {@code ProductPriceChanged} and {@code ProductDeleted} events that their
 * published schemas accept, checked as the producer does (in {@link EventFactory}) and as a
 * consumer does (on the published text). The HTTP rules are the stricter ones (names not blank, at
 * most two decimal places).
 */
class ProductContractPropertiesTest {

  private static final Validator VALIDATOR =
      Validation.buildDefaultValidatorFactory().getValidator();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final EventFactory EVENTS =
      new EventFactory(
          JSON, new PlatformProperties.Events("SwnEventBus", "com.swn.product"), Clock.systemUTC());

  private static void assertPublishable(IntegrationEvent event) {
    var created = EVENTS.create(event);
    assertThat(EventContracts.violations(JSON.readTree(created.detail())))
        .as(created.detailType())
        .isEmpty();
  }

  @Property(tries = 1000)
  void everyAcceptedProductMakesContractValidEvents(
      @ForAll("details") ProductDetails details, @ForAll("details") ProductDetails replacement) {
    var accepted =
        VALIDATOR.validate(details).isEmpty() && VALIDATOR.validate(replacement).isEmpty();
    Statistics.collect(accepted ? "accepted" : "refused");
    Statistics.coverage(coverage -> coverage.check("accepted").percentage(p -> p > 15));
    if (!accepted) {
      return;
    }
    var product = Product.create(UUID.randomUUID().toString(), details);
    var updated = product.update(replacement);
    assertPublishable(
        new ProductCreated(
            product.id(), product.name(), product.price(), product.category(), product.version()));
    assertPublishable(
        new ProductPriceChanged(
            product.id(), updated.name(), product.price(), updated.price(), updated.version()));
    assertPublishable(new ProductDeleted(product.id(), updated.version()));
  }

  @Provide
  Arbitrary<ProductDetails> details() {
    var imageFile =
        Arbitraries.strings()
            .alpha()
            .numeric()
            .withChars("._/-")
            .ofMinLength(1)
            .ofMaxLength(300)
            .injectNull(0.3);
    return Combinators.combine(
            text(200), text(2000).injectNull(0.3), imageFile, prices(), text(100))
        .as(ProductDetails::new);
  }

  private static Arbitrary<String> text(int max) {
    return Arbitraries.frequencyOf(
        Tuple.of(
            8,
            Arbitraries.strings()
                .alpha()
                .numeric()
                .withChars(" ,.'-äßЖ中")
                .ofMinLength(1)
                .ofMaxLength(Math.min(max, 120))),
        Tuple.of(1, Arbitraries.strings().all().ofMaxLength(30)),
        Tuple.of(1, Arbitraries.of("", " ", "\t", "x".repeat(max), "x".repeat(max + 1))));
  }

  private static Arbitrary<BigDecimal> prices() {
    return Arbitraries.frequencyOf(
        Tuple.of(
            6,
            Arbitraries.bigDecimals()
                .between(new BigDecimal("0.01"), new BigDecimal("999999999.99"))
                .ofScale(2)),
        Tuple.of(
            2,
            Arbitraries.bigDecimals()
                .between(new BigDecimal("-10"), new BigDecimal("10"))
                .ofScale(3)),
        Tuple.of(
            2,
            Arbitraries.of(
                BigDecimal.ZERO,
                new BigDecimal("0.001"),
                new BigDecimal("0.01"),
                new BigDecimal("12.5"),
                new BigDecimal("1E+2"),
                new BigDecimal("999999999.99"),
                new BigDecimal("1000000000.00"))));
  }
}
