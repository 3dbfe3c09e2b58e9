/** Checkout: one idempotent transaction that removes the basket and commits the order event. */
@NullMarked
package com.swn.basket.checkout;

import org.jspecify.annotations.NullMarked;
