/**
 * The consumer side every service shares: reading an EventBridge event off an SQS queue, and
 * processing it inside the trace of the request that caused it.
 */
@NullMarked
package com.swn.platform.messaging;

import org.jspecify.annotations.NullMarked;
