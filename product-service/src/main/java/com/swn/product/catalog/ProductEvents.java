package com.swn.product.catalog;

import com.swn.platform.events.IntegrationEvent;
import java.math.BigDecimal;

/**
 * The product service's published events (EventBridge source {@code com.swn.product}). Each carries
 * the product version it describes, so a consumer can ignore an event older than what it has seen.
 */
final class ProductEvents {

  private ProductEvents() {}

  record ProductCreated(
      String productId, String name, BigDecimal price, String category, long version)
      implements IntegrationEvent {}

  record ProductPriceChanged(
      String productId, String name, BigDecimal oldPrice, BigDecimal newPrice, long version)
      implements IntegrationEvent {}

  record ProductDeleted(String productId, long version) implements IntegrationEvent {}
}
