package com.swn.ordering.order.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.swn.contracts.EventContracts;
import com.swn.ordering.CheckoutEvents;
import com.swn.ordering.order.PaymentMethod;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class CheckoutBasketReaderTest {

  private static final String ORDER_ID = "0b5c1d9e-3f4a-4b6c-8d7e-9f0a1b2c3d4e";
  private final CheckoutBasketReader reader =
      new CheckoutBasketReader(JsonMapper.builder().build());

  private static ObjectNode detail() {
    return CheckoutEvents.detail(ORDER_ID, "ada", Instant.parse("2026-03-01T12:30:00.250+01:00"));
  }

  @Test
  void readsAConformingEventIntoACommand() {
    var detail = detail();
    assertThat(EventContracts.violations(detail)).isEmpty();

    var checkout = reader.read(CheckoutEvents.eventBridgeEvent(detail));

    var command = checkout.command();
    assertThat(command.eventId()).isEqualTo(UUID.fromString(detail.path("eventId").asString()));
    assertThat(command.orderId()).isEqualTo(ORDER_ID);
    assertThat(command.userName()).isEqualTo("ada");
    assertThat(command.orderDate()).isEqualTo(Instant.parse("2026-03-01T11:30:00.250Z"));
    assertThat(command.items()).hasSize(2);
    assertThat(command.items().getFirst().unitPrice()).hasToString("19.90");
    assertThat(command.declaredTotal()).isEqualByComparingTo(CheckoutEvents.TOTAL);
    assertThat(command.paymentMethod()).isEqualTo(PaymentMethod.CARD);
    assertThat(checkout.correlationId()).startsWith("test-");
  }

  @Test
  void rejectsAnEnvelopeWithoutData() {
    assertThatThrownBy(
            () ->
                reader.read("{\"detail\":{\"eventType\":\"CheckoutBasket\",\"schemaVersion\":1}}"))
        .isInstanceOf(PoisonMessageException.class)
        .hasMessageContaining("not a valid CheckoutBasket v1 event");
  }

  @Test
  void rejectsABodyThatIsNotJson() {
    assertThatThrownBy(() -> reader.read("checkout please"))
        .isInstanceOf(PoisonMessageException.class);
  }

  @Test
  void rejectsAnEventOfAnotherTypeEvenIfItConformsToItsOwnSchema() {
    var detail = detail();
    detail.put("eventType", "ProductDeleted");
    detail.set(
        "data", JsonMapper.builder().build().readTree("{\"productId\":\"p-1\",\"version\":1}"));

    assertThatThrownBy(() -> reader.read(CheckoutEvents.eventBridgeEvent(detail)))
        .isInstanceOf(PoisonMessageException.class);
  }

  @Test
  void namesWhereTheEventIsWrongButNeverQuotesPersonalData() {
    var detail = detail();
    var customer = (ObjectNode) detail.path("data").path("customer");
    customer.put("email", "ada.lovelace-at-example");
    customer.put("lastName", "Lovelace".repeat(20));
    ((ObjectNode) detail.path("data")).put("paymentMethod", "CARD 4111111111111111");
    ((ObjectNode) detail.path("data")).put("cardNumber", "4111111111111111");

    assertThatThrownBy(() -> reader.read(CheckoutEvents.eventBridgeEvent(detail)))
        .isInstanceOf(PoisonMessageException.class)
        .hasMessageContaining(detail.path("eventId").asString())
        .hasMessageContaining("/data/customer/email")
        .hasMessageContaining("/data/customer/lastName")
        .hasMessageContaining("/data/paymentMethod")
        .hasMessageNotContaining("ada.lovelace-at-example")
        .hasMessageNotContaining("4111111111111111")
        .hasMessageNotContaining("Lovelace");
  }
}
