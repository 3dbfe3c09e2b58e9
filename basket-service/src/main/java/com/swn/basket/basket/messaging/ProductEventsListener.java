package com.swn.basket.basket.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.swn.basket.basket.ProductChange;
import com.swn.basket.catalog.CatalogProduct;
import com.swn.basket.catalog.CatalogView;
import com.swn.platform.messaging.EventMessageReader;
import com.swn.platform.messaging.MessageProcessing;
import com.swn.platform.messaging.ReceivedEvent;
import io.awspring.cloud.sqs.annotation.SqsListener;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Product creations, price changes and deletions, from {@code BasketProductEventsQueue}. Thin: read
 * the event (the platform's reader checks it against its published schema and its detail-type),
 * record it in the service's {@link CatalogView} (first, so an add from now on sees it), then hand
 * a change or deletion to {@link RepricingFanOut} inside the product change's trace, which does the
 * first page of baskets and queues the rest as work items. Any failure is thrown, so the message is
 * not acknowledged and comes back (then goes to the dead-letter queue); handling is idempotent, so
 * a redelivery does no harm. Counted as {@code basket.repricing.events}, tagged by event type.
 */
@Component
class ProductEventsListener {

  static final String CREATED = "ProductCreated";
  static final String PRICE_CHANGED = "ProductPriceChanged";
  static final String DELETED = "ProductDeleted";

  private static final Logger log = LoggerFactory.getLogger(ProductEventsListener.class);

  private final RepricingFanOut fanOut;
  private final CatalogView view;
  private final EventMessageReader reader;
  private final MessageProcessing processing;
  private final MeterRegistry meters;

  ProductEventsListener(
      RepricingFanOut fanOut,
      CatalogView view,
      JsonMapper jsonMapper,
      MessageProcessing processing,
      MeterRegistry meters) {
    this.fanOut = fanOut;
    this.view = view;
    this.reader =
        new EventMessageReader(jsonMapper, Map.of(CREATED, 1, PRICE_CHANGED, 1, DELETED, 1));
    this.processing = processing;
    this.meters = meters;
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ProductCreated(String productId, String name, BigDecimal price, long version) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ProductPriceChanged(String productId, String name, BigDecimal newPrice, long version) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ProductDeleted(String productId, long version) {}

  @SqsListener("${basket.product-events-queue}")
  void on(String body) {
    var event = reader.read(body);
    processing.process(event, () -> handle(event));
  }

  private void handle(ReceivedEvent event) {
    log.atInfo()
        .addKeyValue("eventId", event.eventId())
        .addKeyValue("eventType", event.eventType())
        .log("Product event received");
    switch (event.eventType()) {
      case CREATED -> {
        // No basket can hold a product before it exists: only the view learns of it.
        var data = event.data(ProductCreated.class);
        view.record(
            new CatalogProduct(data.productId(), data.name(), data.price(), data.version()));
      }
      case PRICE_CHANGED -> {
        var data = event.data(ProductPriceChanged.class);
        view.record(
            new CatalogProduct(data.productId(), data.name(), data.newPrice(), data.version()));
        fanOut.page(
            ProductChange.priceChanged(
                data.productId(), data.name(), data.newPrice(), data.version()),
            event.traceparent(),
            null);
      }
      default -> {
        var data = event.data(ProductDeleted.class);
        view.withdraw(data.productId(), data.version());
        fanOut.page(
            ProductChange.deleted(data.productId(), data.version()), event.traceparent(), null);
      }
    }
    meters.counter("basket.repricing.events", "eventType", event.eventType()).increment();
  }
}
