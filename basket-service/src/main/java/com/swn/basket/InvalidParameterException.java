package com.swn.basket;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A path or query parameter that breaks its rule, reported in the same shape as a body validation
 * error. Checked in code rather than with constraint annotations on controller parameters, because
 * those would move the body's validation into method validation and lose its per-field report.
 */
public class InvalidParameterException extends ErrorResponseException {

  public InvalidParameterException(String field, String message) {
    super(HttpStatus.BAD_REQUEST, problem(field, message), null);
  }

  private static ProblemDetail problem(String field, String message) {
    var problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid fields.");
    problem.setTitle("Validation failed");
    problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
    return problem;
  }
}
