package com.swn.basket.basket;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Another write changed the basket between our read and our conditional write. Writes without
 * {@code If-Match} re-read and retry; only when that keeps failing does the client see this 409.
 */
public class ConcurrentBasketChangeException extends ErrorResponseException {

  public ConcurrentBasketChangeException(String userName) {
    super(HttpStatus.CONFLICT, problem(userName), null);
  }

  private static ProblemDetail problem(String userName) {
    var problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONFLICT,
            "The basket of " + userName + " is being changed by another request; retry.");
    problem.setTitle("Concurrent change");
    return problem;
  }
}
