package com.swn.basket.catalog;

import com.swn.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** The request is well-formed but names a product the catalogue does not have. */
public class UnknownProductException extends ProblemException {

  UnknownProductException(String productId) {
    super(
        HttpStatus.UNPROCESSABLE_CONTENT,
        "Unknown product",
        "The catalogue has no product " + productId + ".");
    property("productId", productId);
  }
}
