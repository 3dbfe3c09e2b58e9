package com.swn.basket.basket;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A well-formed change the basket's rules do not allow. */
class BasketLimitExceededException extends ErrorResponseException {

  private BasketLimitExceededException(String detail) {
    super(HttpStatus.UNPROCESSABLE_CONTENT, problem(detail), null);
  }

  static BasketLimitExceededException lines() {
    return new BasketLimitExceededException(
        "A basket holds at most " + Basket.MAX_LINES + " lines.");
  }

  static BasketLimitExceededException quantity(String productId) {
    return new BasketLimitExceededException(
        "A line holds at most " + BasketLine.MAX_QUANTITY + " of product " + productId + ".");
  }

  private static ProblemDetail problem(String detail) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, detail);
    problem.setTitle("Basket limit exceeded");
    return problem;
  }
}
