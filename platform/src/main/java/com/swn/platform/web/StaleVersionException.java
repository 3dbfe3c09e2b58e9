package com.swn.platform.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/** The client's {@code If-Match} does not name the current version: nothing was changed (412). */
public class StaleVersionException extends ProblemException {

  /**
   * @param detail which resource changed, in the resource's own words
   * @param currentVersion the version now stored, when known, so the client can tell what happened
   */
  public StaleVersionException(String detail, @Nullable Long currentVersion) {
    super(HttpStatus.PRECONDITION_FAILED, "Stale version", detail);
    if (currentVersion != null) {
      property("currentVersion", currentVersion);
    }
  }
}
