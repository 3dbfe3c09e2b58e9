package com.swn.basket.basket;

import com.swn.platform.web.ProblemException;
import java.util.List;
import org.springframework.http.HttpStatus;

/** A basket that cannot become an order as it is. */
class UncheckoutableBasketException extends ProblemException {

  private UncheckoutableBasketException(HttpStatus status, String title, String detail) {
    super(status, title, detail);
  }

  static UncheckoutableBasketException empty(String userName) {
    return new UncheckoutableBasketException(
        HttpStatus.UNPROCESSABLE_CONTENT,
        "Empty basket",
        "The basket of " + userName + " has no items to order.");
  }

  /** Lines whose product left the catalogue: the customer must remove them first. */
  static UncheckoutableBasketException unavailable(List<String> productIds) {
    var exception =
        new UncheckoutableBasketException(
            HttpStatus.CONFLICT,
            "Unavailable items",
            "The basket holds products that are no longer sold; remove them and check out again.");
    exception.property("productIds", productIds);
    return exception;
  }
}
