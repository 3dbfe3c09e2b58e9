/**
 * The SQS side of ordering: the listener container, and the listener that turns CheckoutBasket
 * events into {@link com.swn.ordering.order.PlaceOrder} commands.
 */
@NullMarked
package com.swn.ordering.order.messaging;

import org.jspecify.annotations.NullMarked;
