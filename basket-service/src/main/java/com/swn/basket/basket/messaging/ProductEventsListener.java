package com.swn.basket.basket.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.swn.basket.basket.ProductChange;
import com.swn.contracts.EventContracts;
import com.swn.platform.web.RequestIds;
import io.awspring.cloud.sqs.annotation.SqsListener;
import java.math.BigDecimal;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Product price changes and deletions, from {@code BasketProductEventsQueue}. Thin: check the event
 * against its published schema, hand it to {@link RepricingFanOut}, which does the first page of
 * baskets and queues the rest as work items. Any failure is thrown, so the message is not
 * acknowledged and comes back (then goes to the dead-letter queue); handling is idempotent, so a
 * redelivery does no harm.
 */
@Component
class ProductEventsListener {

  private static final Logger log = LoggerFactory.getLogger(ProductEventsListener.class);

  private final RepricingFanOut fanOut;
  private final JsonMapper jsonMapper;

  ProductEventsListener(RepricingFanOut fanOut, JsonMapper jsonMapper) {
    this.fanOut = fanOut;
    this.jsonMapper = jsonMapper;
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ProductPriceChanged(String productId, String name, BigDecimal newPrice, long version) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ProductDeleted(String productId, long version) {}

  @SqsListener("${basket.product-events-queue}")
  void on(ProductEventMessage message) {
    var detail = message.detail();
    if (detail == null) {
      throw new InvalidProductEventException(message.id(), List.of("no detail"));
    }
    var violations = EventContracts.violations(detail);
    if (!violations.isEmpty()) {
      throw new InvalidProductEventException(message.id(), violations);
    }
    var eventType = detail.path("eventType").asString();
    if (!eventType.equals(message.detailType())) {
      throw new InvalidProductEventException(
          message.id(),
          List.of("detail-type " + message.detailType() + " but eventType " + eventType));
    }
    var correlationId = RequestIds.acceptOrGenerate(detail.path("correlationId").asString());
    MDC.put(RequestIds.MDC_KEY, correlationId);
    try {
      log.atInfo()
          .addKeyValue("eventId", detail.path("eventId").asString())
          .addKeyValue("eventType", eventType)
          .log("Product event received");
      var data = detail.path("data");
      switch (eventType) {
        case "ProductPriceChanged" -> {
          var event = jsonMapper.treeToValue(data, ProductPriceChanged.class);
          fanOut.page(
              ProductChange.priceChanged(
                  event.productId(), event.name(), event.newPrice(), event.version()),
              correlationId,
              null);
        }
        case "ProductDeleted" -> {
          var event = jsonMapper.treeToValue(data, ProductDeleted.class);
          fanOut.page(
              ProductChange.deleted(event.productId(), event.version()), correlationId, null);
        }
        default ->
            throw new InvalidProductEventException(
                message.id(), List.of("no handler for " + eventType));
      }
    } finally {
      MDC.remove(RequestIds.MDC_KEY);
    }
  }
}
