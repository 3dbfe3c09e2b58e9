package com.swn.basket.basket;

import com.swn.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

public class BasketNotFoundException extends ProblemException {

  public BasketNotFoundException(String userName) {
    super(HttpStatus.NOT_FOUND, "Basket not found", "User " + userName + " has no basket.");
  }
}
