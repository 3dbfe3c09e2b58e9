/**
 * The basket service: baskets priced from the catalogue ({@code basket}, {@code catalog}), kept
 * current by product events ({@code basket.messaging}), and checked out exactly once ({@code
 * checkout}).
 */
@NullMarked
package com.swn.basket;

import org.jspecify.annotations.NullMarked;
