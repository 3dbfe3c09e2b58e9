package com.swn.basket.basket;

import com.swn.basket.catalog.ProductCatalog;
import com.swn.basket.catalog.UnknownProductException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The checkout's check that the basket's prices are the catalogue's (issue 11, hole 7). A basket's
 * prices are kept current by product events, but an event that lands between an add's catalogue
 * read and its write finds no line to change, so a basket can hold a price (or a product) the
 * catalogue no longer has. Before a basket is ordered, every product in it is read from the
 * catalogue again; a line the catalogue has a newer version of with another name or price, or a
 * product it no longer has, is brought up to date in the basket and the checkout is refused, so the
 * customer orders only prices they were shown and that are no older than this check.
 */
@Service
public class CataloguePriceCheck {

  private final ProductCatalog catalog;
  private final BasketRepository baskets;
  private final Clock clock;

  CataloguePriceCheck(ProductCatalog catalog, BasketRepository baskets, Clock clock) {
    this.catalog = catalog;
    this.baskets = baskets;
    this.clock = clock;
  }

  /**
   * Returns normally if every line is at the catalogue's price.
   *
   * @throws PricesChangedException after saving the basket at the catalogue's prices
   * @throws ConcurrentBasketChangeException if the basket changed while it was being checked
   */
  public void requireCurrent(Basket basket) {
    var changed = new ArrayList<String>();
    var current = basket;
    for (var productId : basket.productIds()) {
      Optional<Basket> update;
      try {
        var product = catalog.product(productId);
        var before = current;
        var outdated =
            before.lines().stream()
                .anyMatch(
                    line ->
                        line.productId().equals(productId)
                            && line.isOutdatedBy(
                                product.name(), product.price(), product.version()));
        update =
            outdated
                ? current.reprice(productId, product.name(), product.price(), product.version())
                : Optional.empty();
      } catch (UnknownProductException gone) {
        update = current.withdraw(productId, 0);
      }
      if (update.isPresent()) {
        current = update.get();
        changed.add(productId);
      }
    }
    if (!changed.isEmpty()) {
      baskets.saveDocument(current.revise(clock.instant()), basket);
      throw new PricesChangedException(changed);
    }
  }
}
