package com.swn.basket.basket;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Replacing an existing basket without {@code If-Match} could silently undo another change. */
class PreconditionRequiredException extends ErrorResponseException {

  PreconditionRequiredException() {
    super(HttpStatus.PRECONDITION_REQUIRED, problem(), null);
  }

  private static ProblemDetail problem() {
    var problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.PRECONDITION_REQUIRED,
            "The basket exists: send its ETag in If-Match to replace it; GET the basket to learn it.");
    problem.setTitle("If-Match required");
    return problem;
  }
}
