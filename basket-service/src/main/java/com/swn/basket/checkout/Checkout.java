package com.swn.basket.checkout;

import com.swn.basket.BasketProperties;
import com.swn.basket.basket.BasketNotFoundException;
import com.swn.basket.basket.BasketRepository;
import com.swn.basket.basket.CataloguePriceCheck;
import com.swn.platform.events.EventFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checkout with an exactly-once effect (see {@code docs/checkout.md}). A key seen before answers
 * from its record without touching anything; otherwise the basket's prices are checked against the
 * catalogue ({@link CataloguePriceCheck}) and the basket is turned into a {@code CheckoutBasket}
 * event in one transaction with the basket's removal and the key's record, and the event is
 * published after the commit (by the relay's sweep if that fails).
 */
@Service
class Checkout {

  private static final Logger log = LoggerFactory.getLogger(Checkout.class);

  private final BasketRepository baskets;
  private final CheckoutRepository checkouts;
  private final CataloguePriceCheck prices;
  private final EventFactory events;
  private final JsonMapper jsonMapper;
  private final BasketProperties properties;
  private final Clock clock;
  private final Counter accepted;
  private final Counter replayed;
  private final Counter rejected;

  Checkout(
      BasketRepository baskets,
      CheckoutRepository checkouts,
      CataloguePriceCheck prices,
      EventFactory events,
      JsonMapper jsonMapper,
      BasketProperties properties,
      Clock clock,
      MeterRegistry meters) {
    this.baskets = baskets;
    this.checkouts = checkouts;
    this.prices = prices;
    this.events = events;
    this.jsonMapper = jsonMapper;
    this.properties = properties;
    this.clock = clock;
    this.accepted = checkouts(meters, "accepted", "Checkouts accepted: an order is on its way");
    this.replayed =
        checkouts(meters, "replayed", "Checkout retries answered from their idempotency record");
    this.rejected =
        checkouts(
            meters,
            "rejected",
            "Checkouts refused with a 4xx (empty basket, changed prices, reused key, ...)");
  }

  /**
   * One meter, {@code basket.checkouts}, by {@code outcome}: the three add up to the requests
   * answered.
   */
  private static Counter checkouts(MeterRegistry meters, String outcome, String description) {
    return Counter.builder("basket.checkouts")
        .tag("outcome", outcome)
        .description(description)
        .register(meters);
  }

  record Result(CheckoutAccepted response, boolean replayed) {}

  Result checkout(CheckoutRequest request, String idempotencyKey) {
    try {
      var result = attempt(request, idempotencyKey);
      (result.replayed() ? replayed : accepted).increment();
      return result;
    } catch (RuntimeException e) {
      if (e instanceof ErrorResponse refusal && refusal.getStatusCode().is4xxClientError()) {
        rejected.increment();
      }
      throw e;
    }
  }

  private Result attempt(CheckoutRequest request, String idempotencyKey) {
    var userName =
        java.util.Objects.requireNonNull(
            request.userName(), "a checkout is the caller's (CheckoutController)");
    var key = userName + "#" + idempotencyKey;
    var requestHash = hash(request);
    var earlier = checkouts.find(key);
    if (earlier.isPresent()) {
      return replay(earlier.get(), requestHash);
    }
    var basket =
        baskets
            .find(userName)
            .orElseThrow(() -> new BasketNotFoundException(userName))
            .requireCheckoutable();
    prices.requireCurrent(basket);
    var now = clock.instant();
    var orderId = UUID.randomUUID();
    var response = CheckoutAccepted.of(orderId, userName, basket.totalPrice());
    var event =
        events.create(
            properties.checkout().eventSource(), CheckoutBasket.of(orderId, basket, request, now));
    var record =
        new IdempotencyRecord(key, requestHash, response, now.plus(properties.idempotencyTtl()));
    try {
      checkouts.commit(basket, record, event);
    } catch (IdempotencyKeyTakenException e) {
      return checkouts
          .find(key)
          .map(winner -> replay(winner, requestHash))
          .orElseThrow(() -> new BasketChangedException(userName));
    }
    log.atInfo()
        .addKeyValue("orderId", orderId)
        .addKeyValue("eventId", event.id())
        .addKeyValue("lines", basket.lines().size())
        .log("Checkout accepted");
    return new Result(response, false);
  }

  /** A key that was ever accepted answers from its record, never with a second checkout. */
  private Result replay(IdempotencyRecord record, String requestHash) {
    if (!record.answers(requestHash)) {
      throw new IdempotencyKeyReusedException();
    }
    if (!record.replayableAt(clock.instant())) {
      throw new IdempotencyKeyUsedException(record.response());
    }
    return new Result(record.response(), true);
  }

  /** SHA-256 of the request as parsed, so whitespace and field order do not matter. */
  private String hash(CheckoutRequest request) {
    try {
      var digest =
          MessageDigest.getInstance("SHA-256").digest(jsonMapper.writeValueAsBytes(request));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has SHA-256", e);
    }
  }
}
