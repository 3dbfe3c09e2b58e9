package com.swn.basket.basket;

import com.swn.basket.BasketProperties;
import com.swn.platform.web.Page;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Keeps open baskets in step with the catalogue, one basket at a time: the product index names the
 * baskets that may hold the product, a page at a time ({@link #basketsHolding}), and each is
 * changed by its own unit of work ({@link #applyTo}) so that the work of one message stays bounded
 * however many baskets hold the product (the fan-out is in {@code messaging}). A basket is changed
 * only where its line is older than the event's product version, with a write conditional on the
 * basket's version (re-read and retried on conflict). So a redelivered or out-of-order change does
 * nothing.
 */
@Service
public class BasketRepricing {

  private final BasketRepository baskets;
  private final Clock clock;
  private final int retries;

  BasketRepricing(BasketRepository baskets, BasketProperties properties, Clock clock) {
    this.baskets = baskets;
    this.clock = clock;
    this.retries = properties.conflictRetries();
  }

  /**
   * One page of the users whose baskets may hold the product (from markers, so possibly stale
   * ones).
   */
  public Page<String> basketsHolding(String productId, @Nullable String pageToken, int pageSize) {
    return baskets.usersHolding(productId, pageToken, pageSize);
  }

  /** Applies the change to one user's basket; true if the basket changed. */
  public boolean applyTo(String userName, ProductChange change) {
    for (int attempt = 0; ; attempt++) {
      var current = baskets.find(userName);
      var updated = current.flatMap(change::applyTo);
      if (updated.isEmpty()) {
        return false; // gone, no longer holds the product, or already at this version or later
      }
      try {
        baskets.saveDocument(updated.get().revise(clock.instant()), current.get());
        return true;
      } catch (ConcurrentBasketChangeException e) {
        if (attempt >= retries) {
          throw e;
        }
      }
    }
  }
}
