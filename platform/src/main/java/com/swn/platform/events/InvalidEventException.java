package com.swn.platform.events;

import com.swn.platform.web.ProblemException;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * The request would produce an event its published schema refuses. Thrown before anything is
 * committed, so the request changes nothing and no consumer ever sees the event (it would sit in a
 * dead-letter queue otherwise). The HTTP validation is meant to refuse such requests first; this is
 * the one check that cannot drift from the contract.
 */
public class InvalidEventException extends ProblemException {

  InvalidEventException(String eventType, List<String> violations) {
    super(
        HttpStatus.BAD_REQUEST,
        "Request violates the event contract",
        "The request would produce a "
            + eventType
            + " event that breaks its published contract. Nothing was changed.");
    property("violations", violations);
  }
}
