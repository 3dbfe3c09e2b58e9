package com.swn.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A write without {@code If-Match} could silently overwrite someone else's change (RFC 6585). */
public class PreconditionRequiredException extends ErrorResponseException {

  /**
   * @param detail what to send and how to learn it, in the resource's own words
   */
  public PreconditionRequiredException(String detail) {
    super(HttpStatus.PRECONDITION_REQUIRED, problem(detail), null);
  }

  private static ProblemDetail problem(String detail) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_REQUIRED, detail);
    problem.setTitle("If-Match required");
    return problem;
  }
}
