package com.swn.basket.basket;

import com.swn.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * Another write changed the basket between our read and our conditional write. Writes without
 * {@code If-Match} re-read and retry; only when that keeps failing does the client see this 409.
 */
public class ConcurrentBasketChangeException extends ProblemException {

  public ConcurrentBasketChangeException(String userName) {
    super(
        HttpStatus.CONFLICT,
        "Concurrent change",
        "The basket of " + userName + " is being changed by another request; retry.");
  }
}
