package com.swn.ordering.order;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The order's current status does not allow the requested transition: nothing was changed. */
class OrderStatusConflictException extends ErrorResponseException {

  OrderStatusConflictException(String orderId, OrderStatus current, String wanted) {
    super(HttpStatus.CONFLICT, problem(orderId, current, wanted), null);
  }

  private static ProblemDetail problem(String orderId, OrderStatus current, String wanted) {
    var problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONFLICT,
            "Order " + orderId + " is " + current + " and cannot be " + wanted + ".");
    problem.setTitle("Order status conflict");
    problem.setProperty("currentStatus", current.name());
    return problem;
  }
}
