package com.swn.basket.basket.messaging;

import java.util.List;

/**
 * A message that breaks the published contract. Thrown, not swallowed: the message is received
 * again and, after the queue's maximum receives, parked in the dead-letter queue for a human to
 * look at.
 */
class InvalidProductEventException extends RuntimeException {

  InvalidProductEventException(String eventBridgeId, List<String> violations) {
    super("Event " + eventBridgeId + " breaks its contract: " + String.join("; ", violations));
  }
}
