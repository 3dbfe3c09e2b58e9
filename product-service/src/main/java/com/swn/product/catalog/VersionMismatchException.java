package com.swn.product.catalog;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The client's {@code If-Match} names a version that is no longer current: nothing was changed. */
class VersionMismatchException extends ErrorResponseException {

  VersionMismatchException(String id, @Nullable Long currentVersion) {
    super(HttpStatus.PRECONDITION_FAILED, problem(id, currentVersion), null);
  }

  private static ProblemDetail problem(String id, @Nullable Long currentVersion) {
    var problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.PRECONDITION_FAILED,
            "Product " + id + " was changed since you read it. Read it again and retry with its ETag.");
    problem.setTitle("Stale version");
    if (currentVersion != null) {
      problem.setProperty("currentVersion", currentVersion);
    }
    return problem;
  }
}
