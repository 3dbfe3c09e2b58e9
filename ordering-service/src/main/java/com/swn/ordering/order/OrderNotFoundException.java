package com.swn.ordering.order;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

class OrderNotFoundException extends ErrorResponseException {

  OrderNotFoundException(String userName, String orderId) {
    super(HttpStatus.NOT_FOUND, problem(userName, orderId), null);
  }

  private static ProblemDetail problem(String userName, String orderId) {
    var problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.NOT_FOUND, "No order " + orderId + " of user " + userName + ".");
    problem.setTitle("Order not found");
    return problem;
  }
}
