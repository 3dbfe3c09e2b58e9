package com.swn.platform.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The shape of every domain error: an RFC 9457 problem of a status, a title and a detail, answered
 * as it is by {@link ProblemDetailsAdvice}. A subclass names the error and says it in a
 * constructor; extension members go in with {@link #property}.
 */
public class ProblemException extends ErrorResponseException {

  protected ProblemException(HttpStatus status, String title, String detail) {
    this(status, title, detail, null);
  }

  protected ProblemException(
      HttpStatus status, String title, String detail, @Nullable Throwable cause) {
    super(status, problem(status, title, detail), cause);
  }

  /** Adds an extension member to the problem document. */
  protected final void property(String name, Object value) {
    getBody().setProperty(name, value);
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    var problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }
}
