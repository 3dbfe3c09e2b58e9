package com.swn.basket;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The basket service's own settings. Physical names come from the environment in AWS; the defaults
 * match the local resource definition. The event bus and the outbox table are the platform's
 * settings ({@code platform.events.bus-name}, {@code platform.outbox.table}), read only there. A
 * setting that {@code application.yml} names an environment variable for has its default there and
 * only there; the defaults here are those of settings without a variable.
 *
 * @param table the basket table: basket documents and their per-product markers
 * @param productIndex the sparse index from a product id to the baskets holding it
 * @param idempotencyTable checkout idempotency records
 * @param priceTable the service's view of the catalogue's names and prices (one item per product)
 * @param productEventsQueue the queue of product price changes and deletions
 * @param repricingQueue the service's own work queue: one message per basket to reprice, and the
 *     continuation of the listing of baskets holding a product
 * @param ttl how long an untouched basket lives
 * @param idempotencyTtl how long a checkout answer is kept for retries with the same key
 * @param maxPageSize the largest page {@code GET /basket} returns
 * @param conflictRetries how often a write without {@code If-Match} re-reads and retries when
 *     another write got there first
 */
@Validated
@ConfigurationProperties("basket")
public record BasketProperties(
    @NotBlank String table,
    @NotBlank String productIndex,
    @NotBlank String idempotencyTable,
    @NotBlank @DefaultValue("basket-prices") String priceTable,
    @NotBlank String productEventsQueue,
    @NotBlank String repricingQueue,
    @NotNull Duration ttl,
    @NotNull Duration idempotencyTtl,
    @Min(1) @Max(1000) @DefaultValue("100") int maxPageSize,
    @Min(0) @Max(10) @DefaultValue("3") int conflictRetries,
    @Valid @NotNull Catalog catalog,
    @Valid @NotNull @DefaultValue Checkout checkout) {

  /**
   * The product catalogue, asked for names and prices. Its GET is idempotent, so transient failures
   * (I/O errors, 5xx) are retried a bounded number of times with exponential back-off and jitter.
   *
   * @param lookupDeadline the most all look-ups of one request may take together, retries included;
   *     past it the request is a 503 and nothing is written
   * @param lookupConcurrency how many products of one request are looked up at once
   */
  public record Catalog(
      @NotNull URI url,
      @NotNull Duration connectTimeout,
      @NotNull Duration readTimeout,
      @Min(0) @Max(5) int maxRetries,
      @NotNull @DefaultValue("100ms") Duration retryDelay,
      @NotNull @DefaultValue("50ms") Duration retryJitter,
      @NotNull Duration lookupDeadline,
      @Min(1) @Max(50) int lookupConcurrency) {}

  /**
   * @param eventSource the EventBridge source of {@code CheckoutBasket}, fixed by its contract
   */
  public record Checkout(@NotBlank String eventSource) {}
}
