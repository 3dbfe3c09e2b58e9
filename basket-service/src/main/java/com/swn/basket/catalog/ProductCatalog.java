package com.swn.basket.catalog;

import com.swn.basket.BasketProperties;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Looks products up in the catalogue over HTTP ({@code GET /product/{id}}). Every call has connect
 * and read timeouts; I/O errors and 5xx answers are retried a few times with exponential back-off
 * and jitter (the GET is idempotent). The products of one request are looked up in parallel (at
 * most {@code lookup-concurrency} at once) and all of them within one deadline ({@code
 * lookup-deadline}), so a basket of 50 lines against a slow catalogue costs one deadline, not 50 ×
 * the retries. A missing product is a 422 for the caller, anything else that persists — or the
 * deadline — a 503: never a hang, never a guessed price.
 */
@Component
public class ProductCatalog implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ProductCatalog.class);

  private final RestClient http;
  private final RetryTemplate retry;
  private final Duration deadline;
  private final int concurrency;

  /** Look-ups wait on I/O: one virtual thread each, bounded per request by a semaphore. */
  private final ExecutorService lookups = Executors.newVirtualThreadPerTaskExecutor();

  ProductCatalog(RestClient.Builder builder, BasketProperties properties) {
    var settings = properties.catalog();
    var client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
    var requestFactory = new JdkClientHttpRequestFactory(client);
    requestFactory.setReadTimeout(settings.readTimeout());
    this.http = builder.baseUrl(settings.url().toString()).requestFactory(requestFactory).build();
    this.retry =
        new RetryTemplate(
            RetryPolicy.builder()
                .maxRetries(settings.maxRetries())
                .delay(settings.retryDelay())
                .jitter(settings.retryJitter())
                .multiplier(2)
                .predicate(ProductCatalog::isTransient)
                .build());
    this.deadline = settings.lookupDeadline();
    this.concurrency = settings.lookupConcurrency();
  }

  /** The product as the catalogue has it now. */
  public CatalogProduct product(String productId) {
    return products(List.of(productId)).get(productId);
  }

  /**
   * The products as the catalogue has them now, keyed by id in the order given (duplicates looked
   * up once), all within the look-up deadline. An unknown product wins over an unavailable one: it
   * is the answer a retry would get too.
   */
  public Map<String, CatalogProduct> products(Collection<String> productIds) {
    var ids = List.copyOf(new LinkedHashSet<>(productIds));
    var permits = new Semaphore(concurrency);
    var context = MDC.getCopyOfContextMap();
    List<Callable<CatalogProduct>> tasks =
        ids.stream()
            .map(id -> (Callable<CatalogProduct>) () -> lookUp(id, permits, context))
            .toList();
    List<Future<CatalogProduct>> results;
    try {
      results = lookups.invokeAll(tasks, deadline.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CatalogUnavailableException(e);
    }
    var products = new LinkedHashMap<String, CatalogProduct>();
    UnknownProductException unknown = null;
    RuntimeException unavailable = null;
    int late = 0;
    for (int i = 0; i < ids.size(); i++) {
      var result = results.get(i);
      if (result.isCancelled()) {
        late++;
        continue;
      }
      try {
        products.put(ids.get(i), result.get());
      } catch (ExecutionException e) {
        if (e.getCause() instanceof UnknownProductException notFound) {
          unknown = unknown == null ? notFound : unknown;
        } else if (e.getCause() instanceof RuntimeException failure) {
          unavailable = unavailable == null ? failure : unavailable;
        } else {
          unavailable =
              unavailable == null ? new CatalogUnavailableException(e.getCause()) : unavailable;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CatalogUnavailableException(e);
      }
    }
    if (unknown != null) {
      throw unknown;
    }
    if (late > 0) {
      log.atWarn()
          .addKeyValue("products", ids.size())
          .addKeyValue("late", late)
          .log("Catalogue look-ups missed their {} deadline", deadline);
      throw new CatalogUnavailableException(
          new TimeoutException(
              late + " of " + ids.size() + " look-ups missed the " + deadline + " deadline"));
    }
    if (unavailable != null) {
      throw unavailable;
    }
    return products;
  }

  private CatalogProduct lookUp(
      String productId, Semaphore permits, @Nullable Map<String, String> context)
      throws InterruptedException {
    if (context != null) {
      MDC.setContextMap(context); // the request id in this look-up's log lines
    }
    permits.acquire();
    try {
      return retry.execute(() -> fetch(productId));
    } catch (RetryException e) {
      if (e.getCause() instanceof UnknownProductException unknown) {
        throw unknown;
      }
      log.atWarn()
          .addKeyValue("productId", productId)
          .addKeyValue("attempts", e.getRetryCount() + 1)
          .log("Catalogue lookup failed: {}", String.valueOf(e.getCause()));
      throw new CatalogUnavailableException(e.getCause());
    } finally {
      permits.release();
      MDC.clear();
    }
  }

  private CatalogProduct fetch(String productId) {
    var product =
        http.get()
            .uri("/product/{id}", productId)
            .retrieve()
            .onStatus(
                status -> status.value() == HttpStatus.NOT_FOUND.value(),
                (request, response) -> {
                  throw new UnknownProductException(productId);
                })
            .body(CatalogProduct.class);
    if (product == null) {
      throw new IllegalStateException("The catalogue answered without a body");
    }
    return product;
  }

  private static boolean isTransient(Throwable failure) {
    return failure instanceof ResourceAccessException
        || failure instanceof HttpServerErrorException;
  }

  /** Interrupts look-ups still running when the service stops. */
  @Override
  public void close() {
    lookups.shutdownNow();
  }
}
