/**
 * The ordering service: turns checkout events from SQS into orders, exactly once per checkout, and
 * serves them over HTTP. The feature lives in {@link com.swn.ordering.order}.
 */
@NullMarked
package com.swn.ordering;

import org.jspecify.annotations.NullMarked;
