package com.swn.platform.dynamodb;

import com.swn.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** A {@code nextToken} the client altered or made up: a 400, never a scan from somewhere odd. */
public class InvalidPageTokenException extends ProblemException {

  public InvalidPageTokenException() {
    super(
        HttpStatus.BAD_REQUEST,
        "Invalid page token",
        "nextToken is not a token this API returned.");
  }
}
