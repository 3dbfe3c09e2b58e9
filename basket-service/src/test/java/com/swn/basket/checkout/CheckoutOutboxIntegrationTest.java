package com.swn.basket.checkout;

import static com.swn.basket.Events.ORDERS;
import static com.swn.basket.Events.checkoutOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.swn.basket.IntegrationTest;
import com.swn.contracts.EventContracts;
import com.swn.platform.PlatformProperties;
import com.swn.platform.outbox.OutboxRelay;
import com.swn.testsupport.Unreachable;
import io.awspring.cloud.autoconfigure.core.AwsClientBuilderConfigurer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * EventBridge cannot be reached by this instance, so every publish fails: the checkout still
 * commits and answers 202, because the event is safe in the outbox, and it reaches the ordering
 * queue as soon as a relay can publish it. (Not a missing bus: LocalStack accepts a PutEvents to
 * one and drops the event, EmulatorGap.PUT_EVENTS_TO_MISSING_BUS_ACCEPTED.)
 */
class CheckoutOutboxIntegrationTest extends IntegrationTest {

  /** Replaces the platform's EventBridge client (it backs off when one is defined). */
  @TestConfiguration(proxyBeanMethods = false)
  static class UnreachableEventBridge {
    @Bean
    EventBridgeClient eventBridgeClient(AwsClientBuilderConfigurer configurer) {
      return configurer
          .configure(EventBridgeClient.builder())
          .endpointOverride(Unreachable.endpoint())
          .build();
    }
  }

  private static boolean inOutbox(String orderId) {
    return AWS
        .dynamoDb()
        .scan(r -> r.tableName("basket-outbox").consistentRead(true))
        .items()
        .stream()
        .anyMatch(item -> item.get("detail").s().contains(orderId));
  }

  @Test
  void keepsTheEventInTheOutboxUntilARelayCanPublishIt() throws Exception {
    var user = CheckoutIntegrationTest.fillBasket(http);

    var accepted =
        http.post(
            "/basket/checkout",
            CheckoutIntegrationTest.checkoutBody(user, "PAYPAL"),
            "Idempotency-Key",
            "k-1");

    assertThat(accepted.status()).isEqualTo(202);
    var orderId = accepted.json().path("orderId").asString();
    assertThat(http.get("/basket/" + user).status()).isEqualTo(404);
    Thread.sleep(1_500); // the fast path has tried (and failed) by now; the sweep leaves it 5 s
    assertThat(inOutbox(orderId)).as("kept after the failed publish").isTrue();
    assertThat(ORDERS.seen(checkoutOf(user))).isEmpty();

    var healthy =
        new PlatformProperties(
            new PlatformProperties.Events("SwnEventBus", "com.swn.basket"),
            new PlatformProperties.Outbox(
                "basket-outbox",
                Duration.ofHours(1),
                Duration.ofSeconds(5),
                100,
                Duration.ofSeconds(5)),
            new PlatformProperties.Web(DataSize.ofKilobytes(64)));
    var later = Clock.fixed(Instant.now().plusSeconds(60), ZoneOffset.UTC);
    new OutboxRelay(AWS.dynamoDb(), AWS.eventBridge(), healthy, later).sweep();

    var event = ORDERS.await(checkoutOf(user), 1).getFirst();
    assertThat(event.path("detail").path("data").path("orderId").asString()).isEqualTo(orderId);
    assertThat(EventContracts.violations(event.path("detail"))).isEmpty();
    assertThat(inOutbox(orderId)).isFalse();
  }
}
