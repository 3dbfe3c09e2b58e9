package com.swn.basket.basket.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import com.swn.basket.basket.ProductChange;
import com.swn.basket.catalog.CatalogProduct;
import com.swn.basket.catalog.CatalogView;
import com.swn.contracts.EventContracts;
import com.swn.platform.messaging.InvalidEventMessageException;
import com.swn.platform.messaging.MessageProcessing;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The listener checks the contract before anything changes, and throws rather than swallow. */
class ProductEventsListenerTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String TRACEPARENT =
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  private final RepricingFanOut repricing = mock(RepricingFanOut.class);
  private final CatalogView view = mock(CatalogView.class);
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final ProductEventsListener listener =
      new ProductEventsListener(repricing, view, JSON, MessageProcessing.unobserved(), meters);

  private static String message(String detailType, String eventType, String data) {
    return """
        {"id":"eb-1","detail-type":"%s","source":"com.swn.product","detail":
         {"eventId":"0b5c1d9e-3f4a-4b6c-8d7e-9f0a1b2c3d4e","eventType":"%s","schemaVersion":1,
          "occurredAt":"2026-01-01T00:00:00Z","correlationId":"corr-1","producer":"com.swn.product",
          "traceparent":"%s","data":%s}}
        """
        .formatted(detailType, eventType, TRACEPARENT, data);
  }

  private static String message(String eventType, String data) {
    return message(eventType, eventType, data);
  }

  @Test
  void handsAValidPriceChangeToRepricingInItsTrace() {
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
            eq(TRACEPARENT),
            isNull());
    assertThat(
            meters
                .get("basket.repricing.events")
                .tag("eventType", "ProductPriceChanged")
                .counter()
                .count())
        .isEqualTo(1);
  }

  @Test
  void handsAValidDeletionToRepricing() {
    listener.on(message("ProductDeleted", "{\"productId\":\"p\",\"version\":3}"));

    verify(view).withdraw("p", 3);
    verify(repricing).page(eq(ProductChange.deleted("p", 3)), eq(TRACEPARENT), isNull());
  }

  @Test
  void recordsEveryChangeInTheViewBeforeRepricing() {
    listener.on(
        message(
            "ProductPriceChanged",
            "{\"productId\":\"p\",\"name\":\"Lamp\",\"oldPrice\":10,\"newPrice\":12.5,\"version\":2}"));

    var order = inOrder(view, repricing);
    order.verify(view).record(new CatalogProduct("p", "Lamp", new BigDecimal("12.50"), 2));
    order.verify(repricing).page(any(), eq(TRACEPARENT), isNull());
  }

  @Test
  void recordsACreationInTheViewOnly() {
    listener.on(
        message(
            "ProductCreated",
            "{\"productId\":\"p\",\"name\":\"Lamp\",\"price\":1,\"category\":\"c\",\"version\":1}"));

    verify(view).record(new CatalogProduct("p", "Lamp", new BigDecimal("1.00"), 1));
    verifyNoInteractions(repricing);
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
        .isInstanceOf(InvalidEventMessageException.class);
    assertThatThrownBy(() -> listener.on(negativePrice))
        .isInstanceOf(InvalidEventMessageException.class);
    assertThatThrownBy(() -> listener.on("not json"))
        .isInstanceOf(InvalidEventMessageException.class);
    verifyNoInteractions(repricing);
  }

  @Test
  void throwsWhenTheDetailTypeAndTheEnvelopeDisagree() {
    var mislabelled =
        message("ProductPriceChanged", "ProductDeleted", "{\"productId\":\"p\",\"version\":3}");

    assertThatThrownBy(() -> listener.on(mislabelled))
        .isInstanceOf(InvalidEventMessageException.class);
    verifyNoInteractions(repricing);
  }

  @Test
  void throwsOnAnEventItDoesNotTake() {
    var checkout =
        message(
            "CheckoutBasket", EventContracts.example("CheckoutBasket", 1).get("data").toString());

    assertThatThrownBy(() -> listener.on(checkout))
        .isInstanceOf(InvalidEventMessageException.class);
    verifyNoInteractions(repricing, view);
  }
}
