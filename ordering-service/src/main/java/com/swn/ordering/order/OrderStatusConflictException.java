package com.swn.ordering.order;

import com.swn.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** The order's current status does not allow the requested transition: nothing was changed. */
class OrderStatusConflictException extends ProblemException {

  OrderStatusConflictException(String orderId, OrderStatus current, String wanted) {
    super(
        HttpStatus.CONFLICT,
        "Order status conflict",
        "Order " + orderId + " is " + current + " and cannot be " + wanted + ".");
    property("currentStatus", current.name());
  }
}
