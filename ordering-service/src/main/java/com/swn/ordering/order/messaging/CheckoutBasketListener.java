package com.swn.ordering.order.messaging;

import com.swn.ordering.order.Orders;
import com.swn.platform.web.RequestIds;
import io.awspring.cloud.sqs.annotation.SqsListener;
import io.awspring.cloud.sqs.listener.SqsHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Places an order for every CheckoutBasket event on the order queue. Thin on purpose: read, place,
 * return. Any exception leaves the message unacknowledged, so it is retried after the error
 * handler's back-off and, once the queue's receives are used up, dead-lettered by its redrive
 * policy. A redelivery of an order already placed returns normally and is acknowledged.
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

  CheckoutBasketListener(JsonMapper jsonMapper, Orders orders) {
    this.reader = new CheckoutBasketReader(jsonMapper);
    this.orders = orders;
  }

  @SqsListener(queueNames = QUEUE, factory = OrderQueueListenerConfiguration.FACTORY)
  void on(Message<String> message) {
    var checkout = read(message);
    try (var ignored = MDC.putCloseable(RequestIds.MDC_KEY, checkout.correlationId())) {
      orders.place(checkout.command());
    }
  }

  private CheckoutBasketReader.Checkout read(Message<String> message) {
    try {
      return reader.read(message.getPayload());
    } catch (PoisonMessageException e) {
      log.warn(
          "Rejected a message on the order queue; it will be retried and then dead-lettered: messageId={} eventId={} receiveCount={} reason={}",
          message.getHeaders().getId(),
          e.eventId(),
          message.getHeaders().get(SqsHeaders.MessageSystemAttributes.SQS_APPROXIMATE_RECEIVE_COUNT),
          e.getMessage());
      throw e;
    }
  }
}
