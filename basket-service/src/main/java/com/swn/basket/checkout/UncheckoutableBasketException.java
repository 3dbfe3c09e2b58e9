package com.swn.basket.checkout;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A basket that cannot become an order as it is. */
class UncheckoutableBasketException extends ErrorResponseException {

  private UncheckoutableBasketException(HttpStatus status, String title, String detail) {
    super(status, problem(status, title, detail), null);
  }

  static UncheckoutableBasketException empty(String userName) {
    return new UncheckoutableBasketException(
        HttpStatus.UNPROCESSABLE_CONTENT,
        "Empty basket",
        "The basket of " + userName + " has no items to order.");
  }

  /** Lines whose product left the catalogue: the customer must remove them first. */
  static UncheckoutableBasketException unavailable(List<String> productIds) {
    var exception =
        new UncheckoutableBasketException(
            HttpStatus.CONFLICT,
            "Unavailable items",
            "The basket holds products that are no longer sold; remove them and check out again.");
    exception.getBody().setProperty("productIds", productIds);
    return exception;
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    var problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }
}
