package com.swn.product.catalog;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

class ProductNotFoundException extends ErrorResponseException {

  ProductNotFoundException(String id) {
    super(HttpStatus.NOT_FOUND, problem(id), null);
  }

  private static ProblemDetail problem(String id) {
    var problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No product with id " + id + ".");
    problem.setTitle("Product not found");
    return problem;
  }
}
