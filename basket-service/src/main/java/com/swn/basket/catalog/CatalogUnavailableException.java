package com.swn.basket.catalog;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The catalogue did not answer in time, or failed, even after the retries: try again shortly. */
class CatalogUnavailableException extends ErrorResponseException {

  CatalogUnavailableException(@Nullable Throwable cause) {
    super(HttpStatus.SERVICE_UNAVAILABLE, problem(), cause);
    getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
  }

  private static ProblemDetail problem() {
    var problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            "Product prices cannot be looked up right now. Nothing was changed; retry shortly.");
    problem.setTitle("Catalogue unavailable");
    return problem;
  }
}
