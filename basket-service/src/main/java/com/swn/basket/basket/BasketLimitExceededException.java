package com.swn.basket.basket;

import com.swn.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** A well-formed change the basket's rules do not allow. */
class BasketLimitExceededException extends ProblemException {

  private BasketLimitExceededException(String detail) {
    super(HttpStatus.UNPROCESSABLE_CONTENT, "Basket limit exceeded", detail);
  }

  static BasketLimitExceededException lines() {
    return new BasketLimitExceededException(
        "A basket holds at most " + Basket.MAX_LINES + " lines.");
  }

  static BasketLimitExceededException quantity(String productId) {
    return new BasketLimitExceededException(
        "A line holds at most " + BasketLine.MAX_QUANTITY + " of product " + productId + ".");
  }
}
