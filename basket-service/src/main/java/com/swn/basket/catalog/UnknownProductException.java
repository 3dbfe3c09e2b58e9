package com.swn.basket.catalog;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The request is well-formed but names a product the catalogue does not have. */
public class UnknownProductException extends ErrorResponseException {

  UnknownProductException(String productId) {
    super(HttpStatus.UNPROCESSABLE_CONTENT, problem(productId), null);
  }

  private static ProblemDetail problem(String productId) {
    var problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNPROCESSABLE_CONTENT, "The catalogue has no product " + productId + ".");
    problem.setTitle("Unknown product");
    problem.setProperty("productId", productId);
    return problem;
  }
}
