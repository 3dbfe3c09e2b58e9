package com.swn.infra;

/**
 * The EventBridge sources of the shop's events, fixed by the event contracts. Each is used three
 * times and must agree each time: in the rule that routes it, in the publishing service's IAM
 * condition ({@code events:source}), and in the environment that tells that service which source to
 * publish under. The stacks take all three from here.
 */
final class EventSources {

  /**
   * {@code ProductPriceChanged}, {@code ProductDeleted}, {@code ProductCreated}; the product
   * service's {@code platform.events.source}.
   */
  static final String PRODUCT = "com.swn.product";

  /** {@code CheckoutBasket}; the basket service's {@code basket.checkout.event-source}. */
  static final String CHECKOUT = "com.swn.basket.checkoutbasket";

  private EventSources() {}
}
