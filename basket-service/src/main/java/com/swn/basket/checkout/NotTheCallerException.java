package com.swn.basket.checkout;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A checkout body naming another customer than the token's: nobody checks out someone else's
 * basket.
 */
class NotTheCallerException extends ErrorResponseException {

  NotTheCallerException() {
    super(HttpStatus.FORBIDDEN, problem(), null);
  }

  private static ProblemDetail problem() {
    var problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.FORBIDDEN,
            "userName names another customer than the access token; leave it out or send your own.");
    problem.setTitle("Forbidden");
    return problem;
  }
}
