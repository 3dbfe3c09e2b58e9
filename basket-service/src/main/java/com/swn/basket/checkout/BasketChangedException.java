package com.swn.basket.checkout;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The basket changed, or was checked out by another request, between our read and our commit. */
class BasketChangedException extends ErrorResponseException {

  BasketChangedException(String userName) {
    super(HttpStatus.CONFLICT, problem(userName), null);
  }

  private static ProblemDetail problem(String userName) {
    var problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONFLICT,
            "The basket of "
                + userName
                + " was already checked out or changed while checking out. Nothing was ordered by this request.");
    problem.setTitle("Basket already checked out or changed");
    return problem;
  }
}
