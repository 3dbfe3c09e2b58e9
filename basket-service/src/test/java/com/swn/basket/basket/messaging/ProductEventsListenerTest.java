package com.swn.basket.basket.messaging;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import com.swn.basket.basket.ProductChange;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The listener checks the contract before anything changes, and throws rather than swallow. */
class ProductEventsListenerTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final RepricingFanOut repricing = mock(RepricingFanOut.class);
  private final ProductEventsListener listener = new ProductEventsListener(repricing, JSON);

  private static ProductEventMessage message(String detailType, String data) {
    var detail =
        """
        {"eventId":"0b5c1d9e-3f4a-4b6c-8d7e-9f0a1b2c3d4e","eventType":"%s","schemaVersion":1,
         "occurredAt":"2026-01-01T00:00:00Z","correlationId":"corr-1","producer":"com.swn.product","data":%s}
        """
            .formatted(detailType, data);
    return new ProductEventMessage("eb-1", detailType, "com.swn.product", JSON.readTree(detail));
  }

  @Test
  void handsAValidPriceChangeToRepricing() {
    listener.on(
        message(
            "ProductPriceChanged",
            "{\"productId\":\"p\",\"name\":\"Lamp\",\"oldPrice\":10,\"newPrice\":12.5,\"version\":2}"));

    verify(repricing)
        .page(
            argThat(
                change ->
                    change.kind() == ProductChange.Kind.PRICE_CHANGED
                        && change.productId().equals("p")
                        && "Lamp".equals(change.name())
                        && change.newPrice() != null
                        && change.newPrice().compareTo(new BigDecimal("12.50")) == 0
                        && change.productVersion() == 2),
            eq("corr-1"),
            isNull());
  }

  @Test
  void handsAValidDeletionToRepricing() {
    listener.on(message("ProductDeleted", "{\"productId\":\"p\",\"version\":3}"));

    verify(repricing).page(eq(ProductChange.deleted("p", 3)), eq("corr-1"), isNull());
  }

  @Test
  void throwsOnAnEventThatBreaksItsSchema() {
    var missingVersion =
        message(
            "ProductPriceChanged",
            "{\"productId\":\"p\",\"name\":\"Lamp\",\"oldPrice\":10,\"newPrice\":12.5}");
    var negativePrice =
        message(
            "ProductPriceChanged",
            "{\"productId\":\"p\",\"name\":\"Lamp\",\"oldPrice\":10,\"newPrice\":-1,\"version\":2}");

    assertThatThrownBy(() -> listener.on(missingVersion))
        .isInstanceOf(InvalidProductEventException.class);
    assertThatThrownBy(() -> listener.on(negativePrice))
        .isInstanceOf(InvalidProductEventException.class);
    verifyNoInteractions(repricing);
  }

  @Test
  void throwsWhenTheDetailTypeAndTheEnvelopeDisagree() {
    var valid = message("ProductDeleted", "{\"productId\":\"p\",\"version\":3}");
    var mislabelled =
        new ProductEventMessage("eb-2", "ProductPriceChanged", "com.swn.product", valid.detail());

    assertThatThrownBy(() -> listener.on(mislabelled))
        .isInstanceOf(InvalidProductEventException.class);
    verifyNoInteractions(repricing);
  }
}
