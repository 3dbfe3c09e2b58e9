package com.swn.infra;

/** A context value is missing, malformed or inconsistent; the message names the key. */
public class InvalidConfigException extends IllegalArgumentException {

  public InvalidConfigException(String message) {
    super(message);
  }
}
