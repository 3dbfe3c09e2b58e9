package com.swn.basket.basket;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

public class BasketNotFoundException extends ErrorResponseException {

  public BasketNotFoundException(String userName) {
    super(HttpStatus.NOT_FOUND, problem(userName), null);
  }

  private static ProblemDetail problem(String userName) {
    var problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.NOT_FOUND, "User " + userName + " has no basket.");
    problem.setTitle("Basket not found");
    return problem;
  }
}
