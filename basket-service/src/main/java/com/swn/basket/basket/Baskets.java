package com.swn.basket.basket;

import com.swn.basket.BasketProperties;
import com.swn.basket.catalog.Catalog;
import com.swn.basket.catalog.CatalogProduct;
import com.swn.platform.dynamodb.BatchRead;
import com.swn.platform.web.Page;
import com.swn.platform.web.PreconditionRequiredException;
import com.swn.platform.web.VersionTags.IfMatch;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The basket's use cases. Names and prices come from the catalogue (through the service's own view
 * of it, see {@link Catalog}), looked up before the write. A replace needs the version the client
 * has seen; item-level changes commute, so without {@code If-Match} they re-read and retry when
 * another write got in between, and with it a stale version is a 412.
 */
@Service
class Baskets {

  private static final String REPLACE_NEEDS_VERSION =
      "The basket exists: send its ETag in If-Match to replace it; GET the basket to learn it.";

  private final BasketRepository baskets;
  private final Catalog catalog;
  private final BasketProperties properties;
  private final Clock clock;
  private final Counter itemsAdded;

  Baskets(
      BasketRepository baskets,
      Catalog catalog,
      BasketProperties properties,
      Clock clock,
      MeterRegistry meters) {
    this.baskets = baskets;
    this.catalog = catalog;
    this.properties = properties;
    this.clock = clock;
    this.itemsAdded =
        Counter.builder("basket.items.added")
            .description("Items added to baskets (by quantity)")
            .register(meters);
  }

  Basket get(String userName) {
    return baskets.find(userName).orElseThrow(() -> new BasketNotFoundException(userName));
  }

  Page<Basket> list(int limit, @Nullable String nextToken) {
    return baskets.findAll(Math.min(limit, properties.maxPageSize()), nextToken);
  }

  /** Replaces every line, creating the basket if there is none. */
  Replaced replace(String userName, @Nullable IfMatch expected, List<ItemRequest> items) {
    if (distinctLines(items) > Basket.MAX_LINES) {
      throw BasketLimitExceededException.lines();
    }
    // Preconditions first: a request that gets 428/412 costs no catalogue look-up.
    var current = baskets.find(userName).orElse(null);
    if (current == null && expected != null) {
      throw new VersionMismatchException(userName, null);
    }
    if (current != null && expected == null) {
      throw new PreconditionRequiredException(REPLACE_NEEDS_VERSION);
    }
    if (current != null && expected != null && !expected.matches(current.version())) {
      throw new VersionMismatchException(userName, current.version());
    }
    var lines = lines(items);
    var previous = current == null ? Basket.empty(userName) : current;
    var updated = previous.replaceLines(lines).touch(clock.instant(), properties.ttl());
    try {
      baskets.save(updated, previous);
    } catch (ConcurrentBasketChangeException e) {
      throw current == null
          ? new PreconditionRequiredException(REPLACE_NEEDS_VERSION)
          : new VersionMismatchException(userName, null);
    }
    return new Replaced(updated, current == null);
  }

  record Replaced(Basket basket, boolean created) {}

  Basket add(String userName, @Nullable IfMatch expected, ItemRequest item) {
    // The product's entry in the service's price view is read with the basket, in one request; a
    // catalogue call (only if the view has no entry) happens inside the update, after its If-Match
    // check (a stale version costs no call), and the price is taken once only, however often a
    // conflict makes the update re-read the basket.
    @SuppressWarnings("unchecked")
    Supplier<CatalogProduct>[] lookUp = new Supplier[1];
    @Nullable CatalogProduct[] product = new CatalogProduct[1];
    var updated =
        update(
            userName,
            expected,
            true,
            read -> lookUp[0] = catalog.product(read, item.productId()),
            basket -> {
              var found = product[0];
              if (found == null) {
                found = Objects.requireNonNull(lookUp[0], "read with the basket").get();
                product[0] = found;
              }
              return basket.add(line(found, item));
            });
    itemsAdded.increment(item.quantity());
    return updated;
  }

  Basket changeQuantity(
      String userName,
      String productId,
      @Nullable String color,
      int quantity,
      @Nullable IfMatch expected) {
    return update(
        userName,
        expected,
        false,
        read -> {},
        basket -> basket.changeQuantity(productId, color, quantity));
  }

  Basket remove(
      String userName, String productId, @Nullable String color, @Nullable IfMatch expected) {
    return update(userName, expected, false, read -> {}, basket -> basket.remove(productId, color));
  }

  void delete(String userName, @Nullable IfMatch expected) {
    // The condition is checked on the version read here; the delete is conditional on that one.
    Long version = expected == null ? null : matching(get(userName), expected).version();
    if (!baskets.delete(userName, version)) {
      var current = get(userName);
      throw new VersionMismatchException(userName, current.version());
    }
  }

  private Basket update(
      String userName,
      @Nullable IfMatch expected,
      boolean createIfAbsent,
      Consumer<BatchRead> alsoRead,
      UnaryOperator<Basket> change) {
    for (int attempt = 0; ; attempt++) {
      // What the change needs besides the basket is read with it the first time only.
      var found = attempt == 0 ? baskets.find(userName, alsoRead) : baskets.find(userName);
      var previous = current(found, userName, expected, createIfAbsent);
      var updated = change.apply(previous).touch(clock.instant(), properties.ttl());
      try {
        baskets.save(updated, previous);
        return updated;
      } catch (ConcurrentBasketChangeException e) {
        if (expected != null) {
          throw new VersionMismatchException(userName, null);
        }
        if (attempt >= properties.conflictRetries()) {
          throw e;
        }
      }
    }
  }

  private static Basket current(
      Optional<Basket> current,
      String userName,
      @Nullable IfMatch expected,
      boolean createIfAbsent) {
    if (current.isEmpty()) {
      if (!createIfAbsent) {
        throw new BasketNotFoundException(userName);
      }
      if (expected != null) {
        throw new VersionMismatchException(userName, null);
      }
      return Basket.empty(userName);
    }
    return expected == null ? current.get() : matching(current.get(), expected);
  }

  private static Basket matching(Basket current, IfMatch expected) {
    if (!expected.matches(current.version())) {
      throw new VersionMismatchException(current.userName(), current.version());
    }
    return current;
  }

  private List<BasketLine> lines(List<ItemRequest> items) {
    var products = catalog.products(items.stream().map(ItemRequest::productId).toList());
    // products() answers every id or throws
    return items.stream()
        .map(item -> line(Objects.requireNonNull(products.get(item.productId())), item))
        .toList();
  }

  private static BasketLine line(CatalogProduct product, ItemRequest item) {
    return new BasketLine(
        item.productId(),
        product.name(),
        item.color(),
        item.quantity(),
        product.price(),
        product.version(),
        true);
  }

  private static long distinctLines(List<ItemRequest> items) {
    return items.stream()
        .map(item -> Arrays.asList(item.productId(), item.color()))
        .distinct()
        .count();
  }
}
