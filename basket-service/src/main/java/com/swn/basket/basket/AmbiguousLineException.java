package com.swn.basket.basket;

import com.swn.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** The basket holds the product in several colors and the request did not say which line. */
class AmbiguousLineException extends ProblemException {

  AmbiguousLineException(String productId) {
    super(
        HttpStatus.CONFLICT,
        "Ambiguous basket line",
        "The basket holds product " + productId + " in several colors; name one with ?color=.");
  }
}
