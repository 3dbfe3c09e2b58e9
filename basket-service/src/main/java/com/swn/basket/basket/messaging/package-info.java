/** The SQS adapter that turns product events into basket repricing. */
@NullMarked
package com.swn.basket.basket.messaging;

import org.jspecify.annotations.NullMarked;
