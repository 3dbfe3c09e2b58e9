package com.swn.basket.basket;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

class LineNotFoundException extends ErrorResponseException {

  LineNotFoundException(String userName, String productId, @Nullable String color) {
    super(HttpStatus.NOT_FOUND, problem(userName, productId, color), null);
  }

  private static ProblemDetail problem(String userName, String productId, @Nullable String color) {
    var what = color == null ? "product " + productId : "product " + productId + " in " + color;
    var problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.NOT_FOUND, "The basket of " + userName + " holds no " + what + ".");
    problem.setTitle("Basket line not found");
    return problem;
  }
}
