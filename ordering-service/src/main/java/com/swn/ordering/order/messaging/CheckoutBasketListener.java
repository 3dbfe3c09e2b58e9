package com.swn.ordering.order.messaging;

import com.swn.ordering.order.Orders;
import com.swn.platform.web.RequestIds;
import io.awspring.cloud.sqs.annotation.SqsListener;
import io.awspring.cloud.sqs.listener.SqsHeaders;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Places an order for every CheckoutBasket event on the order queue. Thin on purpose: read, place,
 * return. The two kinds of failure go different ways:
 *
 * <ul>
 *   <li>a message that can never become an order (poison: not JSON, not a conforming CheckoutBasket
 *       v1) is copied to the dead-letter queue by {@link PoisonMessages} at once and acknowledged;
 *   <li>anything else (DynamoDB unreachable or throttling, an SDK timeout, a bug) is thrown, so the
 *       message is not acknowledged and comes back after the error handler's growing back-off, for
 *       as many receives as the queue's redrive policy allows (sized to outlast a long outage).
 * </ul>
 *
 * A redelivery of an order already placed returns normally and is acknowledged.
 */
@Component
class CheckoutBasketListener {

  /**
   * The queue name comes from the one validated properties record (bean name as registered by
   * {@code @ConfigurationPropertiesScan}), not from a second read of the property.
   */
  static final String QUEUE = "#{@'ordering-com.swn.ordering.OrderingProperties'.queueName()}";

  private static final Logger log = LoggerFactory.getLogger(CheckoutBasketListener.class);

  private final CheckoutBasketReader reader;
  private final Orders orders;
  private final PoisonMessages poison;
  private final Counter failures;

  CheckoutBasketListener(
      JsonMapper jsonMapper, Orders orders, PoisonMessages poison, MeterRegistry meters) {
    this.reader = new CheckoutBasketReader(jsonMapper);
    this.orders = orders;
    this.poison = poison;
    this.failures =
        Counter.builder("orders.placement.failures")
            .description(
                "Attempts to place an order that failed and will be retried (transient failures)")
            .register(meters);
  }

  @SqsListener(queueNames = QUEUE, factory = OrderQueueListenerConfiguration.FACTORY)
  void on(Message<String> message) {
    CheckoutBasketReader.Checkout checkout;
    try {
      checkout = reader.read(message.getPayload());
    } catch (PoisonMessageException e) {
      poison.deadLetter(message, e);
      return;
    }
    try (var ignored = MDC.putCloseable(RequestIds.MDC_KEY, checkout.correlationId())) {
      orders.place(checkout.command());
    } catch (RuntimeException e) {
      failures.increment();
      log.warn(
          "Could not place an order, the message will be retried: messageId={} eventId={} receiveCount={} error={}",
          message.getHeaders().getId(),
          checkout.command().eventId(),
          message
              .getHeaders()
              .get(SqsHeaders.MessageSystemAttributes.SQS_APPROXIMATE_RECEIVE_COUNT),
          e.toString());
      throw e;
    }
  }
}
