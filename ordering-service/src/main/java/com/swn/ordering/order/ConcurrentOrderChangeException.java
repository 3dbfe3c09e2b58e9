package com.swn.ordering.order;

import com.swn.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * The order kept changing while we tried to change it: nothing was changed, the client may retry.
 */
class ConcurrentOrderChangeException extends ProblemException {

  ConcurrentOrderChangeException(String orderId) {
    super(
        HttpStatus.CONFLICT,
        "Concurrent change",
        "Order " + orderId + " was changed concurrently. Read it again and retry.");
  }
}
