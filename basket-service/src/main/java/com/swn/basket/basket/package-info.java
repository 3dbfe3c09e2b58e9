/** Baskets: the aggregate, its API, its DynamoDB repository and repricing from product events. */
@NullMarked
package com.swn.basket.basket;

import org.jspecify.annotations.NullMarked;
