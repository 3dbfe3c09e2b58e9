package com.swn.basket.basket.messaging;

import com.swn.basket.basket.ProductChange;
import org.jspecify.annotations.Nullable;

/**
 * One message on the basket service's own repricing queue: either one basket to change ({@code
 * userName}), or the next page of the baskets holding the product ({@code pageToken}, the product
 * index's position after the previous page).
 *
 * @param correlationId the request id of the product change, carried into every log line it causes
 */
record RepricingTask(
    ProductChange change,
    String correlationId,
    @Nullable String userName,
    @Nullable String pageToken) {

  static RepricingTask basket(ProductChange change, String correlationId, String userName) {
    return new RepricingTask(change, correlationId, userName, null);
  }

  static RepricingTask page(ProductChange change, String correlationId, String pageToken) {
    return new RepricingTask(change, correlationId, null, pageToken);
  }
}
