package com.swn.basket.basket;

import com.swn.platform.web.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

class LineNotFoundException extends ProblemException {

  LineNotFoundException(String userName, String productId, @Nullable String color) {
    super(
        HttpStatus.NOT_FOUND,
        "Basket line not found",
        "The basket of "
            + userName
            + " holds no product "
            + productId
            + (color == null ? "" : " in " + color)
            + ".");
  }
}
