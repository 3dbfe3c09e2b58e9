package com.swn.basket.basket;

import com.swn.basket.BasketProperties;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Keeps open baskets in step with the catalogue. The product index names the baskets that may hold
 * the product; each is changed only where its line is older than the event's product version, with a
 * write conditional on the basket's version (re-read and retried on conflict). So a redelivered or
 * out-of-order event changes nothing, and a failure part-way is finished by the redelivery.
 */
@Service
public class BasketRepricing {

  private static final Logger log = LoggerFactory.getLogger(BasketRepricing.class);

  private final BasketRepository baskets;
  private final Clock clock;
  private final int retries;

  BasketRepricing(BasketRepository baskets, BasketProperties properties, Clock clock) {
    this.baskets = baskets;
    this.clock = clock;
    this.retries = properties.conflictRetries();
  }

  /** Returns how many baskets changed. */
  public int priceChanged(String productId, String name, BigDecimal newPrice, long productVersion) {
    return forEachBasketHolding(productId, basket -> basket.reprice(productId, name, newPrice, productVersion));
  }

  /** Lines of a deleted product stay, marked unavailable: not charged, and they block a checkout. */
  public int productDeleted(String productId, long productVersion) {
    return forEachBasketHolding(productId, basket -> basket.withdraw(productId, productVersion));
  }

  private int forEachBasketHolding(String productId, Function<Basket, Optional<Basket>> change) {
    int changed = 0;
    var users = baskets.usersHolding(productId);
    for (var userName : users) {
      if (apply(userName, change)) {
        changed++;
      }
    }
    log.atInfo()
        .addKeyValue("productId", productId)
        .addKeyValue("candidates", users.size())
        .addKeyValue("changed", changed)
        .log("Applied a product change to open baskets");
    return changed;
  }

  private boolean apply(String userName, Function<Basket, Optional<Basket>> change) {
    for (int attempt = 0; ; attempt++) {
      var current = baskets.find(userName);
      var updated = current.flatMap(change);
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
