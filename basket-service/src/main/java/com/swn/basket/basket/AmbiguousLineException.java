package com.swn.basket.basket;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The basket holds the product in several colors and the request did not say which line. */
class AmbiguousLineException extends ErrorResponseException {

  AmbiguousLineException(String productId) {
    super(HttpStatus.CONFLICT, problem(productId), null);
  }

  private static ProblemDetail problem(String productId) {
    var problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONFLICT,
            "The basket holds product " + productId + " in several colors; name one with ?color=.");
    problem.setTitle("Ambiguous basket line");
    return problem;
  }
}
