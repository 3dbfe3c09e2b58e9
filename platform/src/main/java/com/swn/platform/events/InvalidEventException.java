package com.swn.platform.events;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The request would produce an event its published schema refuses. Thrown before anything is
 * committed, so the request changes nothing and no consumer ever sees the event (it would sit in a
 * dead-letter queue otherwise). The HTTP validation is meant to refuse such requests first; this is
 * the one check that cannot drift from the contract.
 */
public class InvalidEventException extends ErrorResponseException {

  InvalidEventException(String eventType, List<String> violations) {
    super(HttpStatus.BAD_REQUEST, problem(eventType, violations), null);
  }

  private static ProblemDetail problem(String eventType, List<String> violations) {
    var problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            "The request would produce a "
                + eventType
                + " event that breaks its published contract. Nothing was changed.");
    problem.setTitle("Request violates the event contract");
    problem.setProperty("violations", violations);
    return problem;
  }
}
