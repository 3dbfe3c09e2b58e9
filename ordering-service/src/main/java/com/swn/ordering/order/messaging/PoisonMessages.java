package com.swn.ordering.order.messaging;

import com.swn.ordering.OrderingProperties;
import com.swn.platform.messaging.InvalidEventMessageException;
import com.swn.platform.messaging.QueueUrl;
import io.awspring.cloud.sqs.listener.SqsHeaders;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Puts a message that can never become an order into the dead-letter queue itself, at its first
 * receive. The queue's redrive policy is then left to transient failures alone, and its receive
 * budget can be sized for a long outage without keeping poison around for as long.
 *
 * <p>The copy keeps the body unchanged (a fixed producer's message can be redriven as it is) and
 * carries, as message attributes, why it was rejected (schema rule and JSON pointer, never a value)
 * and the original message id. If the send fails, the exception leaves the message unacknowledged:
 * it is received again and rejected again, or, once its receives are used up, redriven by the
 * queue.
 */
@Component
class PoisonMessages implements SmartInitializingSingleton {

  static final String REASON_ATTRIBUTE = "rejectionReason";
  static final String MESSAGE_ID_ATTRIBUTE = "originalMessageId";

  /**
   * SQS allows 256 KiB per message including attributes; a reason is a short list of schema rules.
   */
  private static final int MAX_REASON_LENGTH = 2_000;

  private static final Logger log = LoggerFactory.getLogger(PoisonMessages.class);

  private final SqsAsyncClient sqs;
  private final QueueUrl deadLetterQueueUrl;
  private final Counter rejected;

  PoisonMessages(SqsAsyncClient sqs, OrderingProperties properties, MeterRegistry meters) {
    this.sqs = sqs;
    this.deadLetterQueueUrl = QueueUrl.of(sqs, properties.deadLetterQueueName());
    this.rejected =
        Counter.builder("orders.rejected")
            .description(
                "Checkout messages that can never become an order, moved to the dead-letter queue")
            .register(meters);
  }

  /** A missing dead-letter queue stops the service, as the queue does. */
  @Override
  public void afterSingletonsInstantiated() {
    deadLetterQueueUrl.get();
  }

  void deadLetter(Message<String> message, InvalidEventMessageException rejection) {
    var messageId = String.valueOf(message.getHeaders().getId());
    var reason = Objects.requireNonNullElse(rejection.getMessage(), rejection.getClass().getName());
    sqs.sendMessage(
            request ->
                request
                    .queueUrl(deadLetterQueueUrl.get())
                    .messageBody(message.getPayload())
                    .messageAttributes(
                        Map.of(
                            REASON_ATTRIBUTE,
                                text(
                                    reason.length() > MAX_REASON_LENGTH
                                        ? reason.substring(0, MAX_REASON_LENGTH)
                                        : reason),
                            MESSAGE_ID_ATTRIBUTE, text(messageId))))
        .join();
    rejected.increment();
    log.warn(
        "Rejected a message on the order queue and moved it to the dead-letter queue: messageId={} eventId={} receiveCount={} reason={}",
        messageId,
        rejection.eventId(),
        message.getHeaders().get(SqsHeaders.MessageSystemAttributes.SQS_APPROXIMATE_RECEIVE_COUNT),
        reason);
  }

  private static MessageAttributeValue text(String value) {
    return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
  }
}
