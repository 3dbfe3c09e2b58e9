package com.swn.basket.basket;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The client's {@code If-Match} does not name the current version: nothing was changed. */
class VersionMismatchException extends ErrorResponseException {

  VersionMismatchException(String userName, @Nullable Long currentVersion) {
    super(HttpStatus.PRECONDITION_FAILED, problem(userName, currentVersion), null);
  }

  private static ProblemDetail problem(String userName, @Nullable Long currentVersion) {
    var problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.PRECONDITION_FAILED,
            "The basket of " + userName + " is not at the version in If-Match. Read it again and retry with its ETag.");
    problem.setTitle("Stale version");
    if (currentVersion != null) {
      problem.setProperty("currentVersion", currentVersion);
    }
    return problem;
  }
}
