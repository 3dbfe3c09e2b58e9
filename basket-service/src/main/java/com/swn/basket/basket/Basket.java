package com.swn.basket.basket;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * A user's basket. Every transition returns a new basket and checks the limits (at most {@link
 * #MAX_LINES} lines, at most {@link BasketLine#MAX_QUANTITY} of each); {@link #touch} then stamps a
 * fresh version and expiry before the repository writes it conditionally on the previous version.
 * {@code version} 0 means the basket has never been stored.
 *
 * <p>A version is a random 63-bit number drawn for every write, not a counter. A counter restarts
 * when a basket is deleted or checked out and created again, so an old ETag (or a checkout or
 * repricing that read the old basket) would match the new basket. A fresh random version is never
 * the one an old reader holds (the chance is 2<sup>-63</sup> per write), without keeping anything
 * of the old basket. Versions are compared for equality only, never ordered.
 */
public record Basket(
    String userName, List<BasketLine> lines, long version, Instant expiresAt, Instant updatedAt) {

  public static final int MAX_LINES = 50;

  public Basket {
    lines = List.copyOf(lines);
  }

  static Basket empty(String userName) {
    return new Basket(userName, List.of(), 0, Instant.EPOCH, Instant.EPOCH);
  }

  boolean isNew() {
    return version == 0;
  }

  /** The sum of the available lines; lines of withdrawn products are not charged. */
  public BigDecimal totalPrice() {
    return lines.stream()
        .filter(BasketLine::available)
        .map(BasketLine::lineTotal)
        .reduce(BigDecimal.ZERO, BigDecimal::add)
        .setScale(2, RoundingMode.UNNECESSARY);
  }

  public List<BasketLine> unavailableLines() {
    return lines.stream().filter(line -> !line.available()).toList();
  }

  public Set<String> productIds() {
    var ids = new LinkedHashSet<String>();
    lines.forEach(line -> ids.add(line.productId()));
    return ids;
  }

  /** Replaces every line; lines for the same product and color are merged. */
  Basket replaceLines(List<BasketLine> newLines) {
    var merged = new ArrayList<BasketLine>();
    newLines.forEach(line -> merge(merged, line));
    return withLines(merged);
  }

  /** Adds a line, or adds its quantity to the line of the same product and color. */
  Basket add(BasketLine line) {
    var merged = new ArrayList<>(lines);
    merge(merged, line);
    return withLines(merged);
  }

  Basket changeQuantity(String productId, @Nullable String color, int quantity) {
    var target = single(productId, color);
    return withLines(map(line -> line == target ? line.withQuantity(quantity) : line));
  }

  /**
   * Removes the line of that product and color, or every line of the product if no color is named.
   */
  Basket remove(String productId, @Nullable String color) {
    var kept = lines.stream().filter(line -> !matches(line, productId, color)).toList();
    if (kept.size() == lines.size()) {
      throw new LineNotFoundException(userName, productId, color);
    }
    return withLines(kept);
  }

  /**
   * The basket with the product's new price, or empty if it has no line older than that version.
   */
  Optional<Basket> reprice(String productId, String name, BigDecimal price, long priceVersion) {
    return changeLinesOf(productId, line -> line.repriced(name, price, priceVersion));
  }

  /** The basket with the product's lines unavailable, or empty if there is nothing to change. */
  Optional<Basket> withdraw(String productId, long productVersion) {
    return changeLinesOf(productId, line -> line.withdrawn(productVersion));
  }

  /** The stored form of a change the user made: a fresh version, expiry pushed out by the TTL. */
  Basket touch(Instant now, Duration ttl) {
    return new Basket(userName, lines, freshVersion(), now.plus(ttl), now);
  }

  /** The stored form of a change the system made: a fresh version, expiry unchanged. */
  Basket revise(Instant now) {
    return new Basket(userName, lines, freshVersion(), expiresAt, now);
  }

  /**
   * Never 0 (the unsaved basket) and never negative, so a tag always reads back as the same number.
   */
  private static long freshVersion() {
    return ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
  }

  private Optional<Basket> changeLinesOf(
      String productId, Function<BasketLine, @Nullable BasketLine> change) {
    var updated = new ArrayList<BasketLine>();
    boolean changed = false;
    for (var line : lines) {
      var next = line.productId().equals(productId) ? change.apply(line) : null;
      changed |= next != null;
      updated.add(next == null ? line : next);
    }
    return changed ? Optional.of(withLines(updated)) : Optional.empty();
  }

  private BasketLine single(String productId, @Nullable String color) {
    var matching = lines.stream().filter(line -> matches(line, productId, color)).toList();
    if (matching.isEmpty()) {
      throw new LineNotFoundException(userName, productId, color);
    }
    if (matching.size() > 1) {
      throw new AmbiguousLineException(productId);
    }
    return matching.getFirst();
  }

  private static boolean matches(BasketLine line, String productId, @Nullable String color) {
    return color == null ? line.productId().equals(productId) : line.isFor(productId, color);
  }

  private void merge(List<BasketLine> into, BasketLine line) {
    for (int i = 0; i < into.size(); i++) {
      var existing = into.get(i);
      if (existing.isFor(line.productId(), line.color())) {
        int quantity = existing.quantity() + line.quantity();
        if (quantity > BasketLine.MAX_QUANTITY) {
          throw BasketLimitExceededException.quantity(line.productId());
        }
        into.set(i, line.withQuantity(quantity));
        return;
      }
    }
    into.add(line);
  }

  private List<BasketLine> map(UnaryOperator<BasketLine> change) {
    return lines.stream().map(change).toList();
  }

  private Basket withLines(List<BasketLine> newLines) {
    if (newLines.size() > MAX_LINES) {
      throw BasketLimitExceededException.lines();
    }
    return new Basket(userName, newLines, version, expiresAt, updatedAt);
  }
}
