package com.swn.basket.checkout;

import com.swn.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** The basket changed, or was checked out by another request, between our read and our commit. */
class BasketChangedException extends ProblemException {

  BasketChangedException(String userName) {
    super(
        HttpStatus.CONFLICT,
        "Basket already checked out or changed",
        "The basket of "
            + userName
            + " was already checked out or changed while checking out. Nothing was ordered by this request.");
  }
}
