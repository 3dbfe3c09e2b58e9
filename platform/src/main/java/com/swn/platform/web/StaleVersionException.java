package com.swn.platform.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The client's {@code If-Match} does not name the current version: nothing was changed (412). */
public class StaleVersionException extends ErrorResponseException {

  /**
   * @param detail which resource changed, in the resource's own words
   * @param currentVersion the version now stored, when known, so the client can tell what happened
   */
  public StaleVersionException(String detail, @Nullable Long currentVersion) {
    super(HttpStatus.PRECONDITION_FAILED, problem(detail, currentVersion), null);
  }

  private static ProblemDetail problem(String detail, @Nullable Long currentVersion) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED, detail);
    problem.setTitle("Stale version");
    if (currentVersion != null) {
      problem.setProperty("currentVersion", currentVersion);
    }
    return problem;
  }
}
