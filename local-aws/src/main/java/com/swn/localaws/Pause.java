package com.swn.localaws;

import java.time.Duration;

/** Sleeping in a poll loop, restoring the interrupt flag instead of swallowing it. */
final class Pause {

  private Pause() {}

  static void briefly(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting", e);
    }
  }
}
