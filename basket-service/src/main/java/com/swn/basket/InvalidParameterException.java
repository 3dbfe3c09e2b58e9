package com.swn.basket;

import com.swn.platform.web.ProblemException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A path or query parameter that breaks its rule, reported in the same shape as a body validation
 * error. Checked in code rather than with constraint annotations on controller parameters, because
 * those would move the body's validation into method validation and lose its per-field report.
 */
public class InvalidParameterException extends ProblemException {

  public InvalidParameterException(String field, String message) {
    super(HttpStatus.BAD_REQUEST, "Validation failed", "The request has invalid fields.");
    property("errors", List.of(Map.of("field", field, "message", message)));
  }
}
