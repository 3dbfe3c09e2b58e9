package com.swn.ordering.order;

import com.swn.ordering.OrderingProperties;
import com.swn.platform.web.Page;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The ordering use cases. Placing is idempotent per order id (see {@link OrderRepository#insert});
 * cancelling is guarded by the order itself and by its version.
 */
@Service
public class Orders {

  private static final Logger log = LoggerFactory.getLogger(Orders.class);
  private static final int CANCEL_ATTEMPTS = 3;

  private final OrderRepository repository;
  private final int maxPageSize;
  private final Counter placed;
  private final Counter duplicates;
  private final Counter totalMismatches;

  Orders(OrderRepository repository, OrderingProperties properties, MeterRegistry meters) {
    this.repository = repository;
    this.maxPageSize = properties.maxPageSize();
    this.placed =
        Counter.builder("orders.placed")
            .description("Orders created from checkouts")
            .register(meters);
    this.duplicates =
        Counter.builder("orders.duplicates")
            .description("Checkout deliveries for an order that already existed (redeliveries)")
            .register(meters);
    this.totalMismatches =
        Counter.builder("orders.total.mismatches")
            .description("Checkouts whose declared total differed from the computed one")
            .register(meters);
  }

  /**
   * Creates the order unless it exists. A second delivery of the same checkout is not an error: it
   * is counted, logged and acknowledged like a success.
   *
   * @return whether this call created the order
   */
  public boolean place(PlaceOrder command) {
    var order = command.toOrder();
    if (order.totalPrice().compareTo(command.declaredTotal()) != 0) {
      totalMismatches.increment();
      log.warn(
          "Checkout total differs from the computed total; storing the computed one: eventId={} orderId={} declared={} computed={}",
          command.eventId(),
          order.orderId(),
          command.declaredTotal(),
          order.totalPrice());
    }
    if (repository.insert(order, command.eventId())) {
      placed.increment();
      log.info("Order placed: eventId={} orderId={}", command.eventId(), order.orderId());
      return true;
    }
    duplicates.increment();
    log.info(
        "Order already placed, duplicate delivery acknowledged: eventId={} orderId={}",
        command.eventId(),
        order.orderId());
    return false;
  }

  Order get(String userName, String orderId) {
    var id = orderId.toLowerCase(Locale.ROOT);
    return repository
        .find(userName, id)
        .orElseThrow(() -> new OrderNotFoundException(userName, id));
  }

  Page<Order> listOf(String userName, int limit, @Nullable String nextToken) {
    return repository.findByUserNewestFirst(userName, Math.min(limit, maxPageSize), nextToken);
  }

  Page<Order> list(int limit, @Nullable String nextToken) {
    return repository.findAll(Math.min(limit, maxPageSize), nextToken);
  }

  /**
   * Cancels a placed order. A concurrent change (the version moved between read and write) makes us
   * judge the command again against what is stored now, so the answer is never based on a stale
   * read: cancelling an order someone else just cancelled is a 409 like any second cancel.
   */
  Order cancel(String userName, String orderId) {
    for (int attempt = 1; ; attempt++) {
      var current = get(userName, orderId);
      var cancelled = current.cancel();
      if (repository.update(cancelled, current.version())) {
        log.info(
            "Order cancelled: orderId={} version={}", cancelled.orderId(), cancelled.version());
        return cancelled;
      }
      if (attempt == CANCEL_ATTEMPTS) {
        throw new ConcurrentOrderChangeException(current.orderId());
      }
    }
  }
}
