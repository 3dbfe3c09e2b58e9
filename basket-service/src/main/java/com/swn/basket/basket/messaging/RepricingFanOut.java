package com.swn.basket.basket.messaging;

import com.swn.basket.BasketProperties;
import com.swn.basket.basket.BasketRepricing;
import com.swn.basket.basket.ProductChange;
import com.swn.platform.messaging.MessageProcessing;
import com.swn.platform.messaging.QueueUrl;
import com.swn.platform.messaging.Traceparents;
import io.awspring.cloud.sqs.annotation.SqsListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spreads a product change over as many messages as there are baskets, so that no message's work
 * grows with the number of baskets (one message repricing thousands of baskets outlived its
 * visibility timeout, ran again and again and was dead-lettered with baskets left at the old
 * price).
 *
 * <p>A page step reads one page of the product index ({@value #PAGE_SIZE} baskets), sends one work
 * item per basket to the repricing queue ({@code SendMessageBatch}, ten at a time) and, if the
 * index goes on, one message for the next page. A basket step changes one basket. Every step is
 * idempotent (a basket at the event's version or later is left alone), so a step that fails is
 * simply received again; a page step that runs twice sends its items twice, which changes nothing.
 *
 * <p>Each work item carries the product change's trace context, and each step runs in it ({@link
 * MessageProcessing}); {@code basket.repricing.baskets} counts the baskets a step changed.
 */
@Component
class RepricingFanOut implements SmartInitializingSingleton {

  /**
   * Baskets per page step: one query and eleven sends, well inside the queue's visibility timeout.
   */
  static final int PAGE_SIZE = 100;

  /** SQS takes at most ten messages per {@code SendMessageBatch}. */
  private static final int MAX_BATCH = 10;

  private static final Logger log = LoggerFactory.getLogger(RepricingFanOut.class);

  private final BasketRepricing repricing;
  private final SqsAsyncClient sqs;
  private final JsonMapper jsonMapper;
  private final QueueUrl queueUrl;
  private final MessageProcessing processing;
  private final Counter repriced;

  RepricingFanOut(
      BasketRepricing repricing,
      SqsAsyncClient sqs,
      JsonMapper jsonMapper,
      BasketProperties properties,
      MessageProcessing processing,
      MeterRegistry meters) {
    this.repricing = repricing;
    this.sqs = sqs;
    this.jsonMapper = jsonMapper;
    this.queueUrl = QueueUrl.of(sqs, properties.repricingQueue());
    this.processing = processing;
    this.repriced =
        Counter.builder("basket.repricing.baskets")
            .description("Baskets a product change repriced or emptied of the product")
            .register(meters);
  }

  /** Without its work queue the service does not start. */
  @Override
  public void afterSingletonsInstantiated() {
    queueUrl.get();
  }

  @SqsListener("${basket.repricing-queue}")
  void on(RepricingTask task) {
    processing.process(RepricingTask.class.getSimpleName(), task.traceparent(), () -> step(task));
  }

  private void step(RepricingTask task) {
    var userName = task.userName();
    if (userName != null) {
      if (repricing.applyTo(userName, task.change())) {
        repriced.increment();
      }
    } else {
      page(task.change(), task.traceparent(), task.pageToken());
    }
  }

  /**
   * A page step; the first one ({@code pageToken} null) runs in the product event's own message.
   * The work items carry the trace context of the step that sends them, so every step is in one
   * trace.
   */
  void page(ProductChange change, @Nullable String traceparent, @Nullable String pageToken) {
    var current = Traceparents.current();
    var context = current != null ? current : traceparent;
    var page = repricing.basketsHolding(change.productId(), pageToken, PAGE_SIZE);
    var tasks = new ArrayList<RepricingTask>();
    page.items().forEach(userName -> tasks.add(RepricingTask.basket(change, context, userName)));
    if (page.nextToken() != null) {
      tasks.add(RepricingTask.page(change, context, page.nextToken()));
    }
    for (int from = 0; from < tasks.size(); from += MAX_BATCH) {
      send(tasks.subList(from, Math.min(from + MAX_BATCH, tasks.size())));
    }
    log.atInfo()
        .addKeyValue("productId", change.productId())
        .addKeyValue("baskets", page.items().size())
        .addKeyValue("morePages", page.nextToken() != null)
        .log("Fanned a product change out to the baskets holding it");
  }

  /** Throws unless SQS took every entry, so the page step is retried (duplicates are harmless). */
  private void send(List<RepricingTask> batch) {
    var entries = new ArrayList<SendMessageBatchRequestEntry>();
    for (int i = 0; i < batch.size(); i++) {
      entries.add(
          SendMessageBatchRequestEntry.builder()
              .id(Integer.toString(i))
              .messageBody(jsonMapper.writeValueAsString(batch.get(i)))
              .build());
    }
    var response =
        sqs.sendMessageBatch(request -> request.queueUrl(queueUrl.get()).entries(entries)).join();
    if (response.hasFailed() && !response.failed().isEmpty()) {
      throw new IllegalStateException(
          "SQS refused "
              + response.failed().size()
              + " repricing work item(s): "
              + response.failed().getFirst().code());
    }
  }
}
