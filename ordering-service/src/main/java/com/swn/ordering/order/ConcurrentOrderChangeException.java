package com.swn.ordering.order;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The order kept changing while we tried to change it: nothing was changed, the client may retry.
 */
class ConcurrentOrderChangeException extends ErrorResponseException {

  ConcurrentOrderChangeException(String orderId) {
    super(HttpStatus.CONFLICT, problem(orderId), null);
  }

  private static ProblemDetail problem(String orderId) {
    var problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONFLICT,
            "Order " + orderId + " was changed concurrently. Read it again and retry.");
    problem.setTitle("Concurrent change");
    return problem;
  }
}
