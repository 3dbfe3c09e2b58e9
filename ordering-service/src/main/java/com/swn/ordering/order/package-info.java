/**
 * Orders: the aggregate and its transitions, the HTTP API, the DynamoDB repository. The SQS adapter
 * that places orders from checkout events is in {@link com.swn.ordering.order.messaging}.
 */
@NullMarked
package com.swn.ordering.order;

import org.jspecify.annotations.NullMarked;
