package com.swn.basket.basket.messaging;

import com.swn.basket.basket.ProductChange;
import org.jspecify.annotations.Nullable;

/**
 * One message on the basket service's own repricing queue: either one basket to change ({@code
 * userName}), or the next page of the baskets holding the product ({@code pageToken}, the product
 * index's position after the previous page).
 *
 * @param traceparent the trace context of the product change, so that every step of its repricing
 *     joins the trace of the request that changed the product
 */
record RepricingTask(
    ProductChange change,
    @Nullable String traceparent,
    @Nullable String userName,
    @Nullable String pageToken) {

  static RepricingTask basket(ProductChange change, @Nullable String traceparent, String userName) {
    return new RepricingTask(change, traceparent, userName, null);
  }

  static RepricingTask page(ProductChange change, @Nullable String traceparent, String pageToken) {
    return new RepricingTask(change, traceparent, null, pageToken);
  }
}
