package com.swn.platform.web;

import org.springframework.http.HttpStatus;

/** A write without {@code If-Match} could silently overwrite someone else's change (RFC 6585). */
public class PreconditionRequiredException extends ProblemException {

  /**
   * @param detail what to send and how to learn it, in the resource's own words
   */
  public PreconditionRequiredException(String detail) {
    super(HttpStatus.PRECONDITION_REQUIRED, "If-Match required", detail);
  }
}
