package com.swn.basket.catalog;

import com.swn.platform.web.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** The catalogue did not answer in time, or failed, even after the retries: try again shortly. */
class CatalogUnavailableException extends ProblemException {

  CatalogUnavailableException(@Nullable Throwable cause) {
    super(
        HttpStatus.SERVICE_UNAVAILABLE,
        "Catalogue unavailable",
        "Product prices cannot be looked up right now. Nothing was changed; retry shortly.",
        cause);
    getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
  }
}
