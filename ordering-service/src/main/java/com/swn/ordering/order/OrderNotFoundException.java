package com.swn.ordering.order;

import com.swn.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

class OrderNotFoundException extends ProblemException {

  OrderNotFoundException(String userName, String orderId) {
    super(
        HttpStatus.NOT_FOUND,
        "Order not found",
        "No order " + orderId + " of user " + userName + ".");
  }
}
