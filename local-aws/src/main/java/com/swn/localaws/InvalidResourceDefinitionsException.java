package com.swn.localaws;

/**
 * The resource definitions file is malformed or inconsistent; the message names the offending
 * element.
 */
public class InvalidResourceDefinitionsException extends IllegalArgumentException {

  public InvalidResourceDefinitionsException(String message) {
    super(message);
  }

  public InvalidResourceDefinitionsException(String message, Throwable cause) {
    super(message, cause);
  }
}
