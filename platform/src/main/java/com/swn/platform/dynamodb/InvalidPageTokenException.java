package com.swn.platform.dynamodb;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A {@code nextToken} the client altered or made up: a 400, never a scan from somewhere odd. */
public class InvalidPageTokenException extends ErrorResponseException {

  public InvalidPageTokenException() {
    super(HttpStatus.BAD_REQUEST, problem(), null);
  }

  private static ProblemDetail problem() {
    var problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, "nextToken is not a token this API returned.");
    problem.setTitle("Invalid page token");
    return problem;
  }
}
