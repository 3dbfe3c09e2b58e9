package com.swn.product.catalog;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A replace without {@code If-Match} could silently overwrite someone else's change (RFC 6585). */
class PreconditionRequiredException extends ErrorResponseException {

  PreconditionRequiredException() {
    super(HttpStatus.PRECONDITION_REQUIRED, problem(), null);
  }

  private static ProblemDetail problem() {
    var problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.PRECONDITION_REQUIRED,
            "Send the product's ETag in If-Match; GET the product to learn it.");
    problem.setTitle("If-Match required");
    return problem;
  }
}
