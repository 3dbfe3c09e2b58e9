package com.swn.basket.catalog;

import com.swn.basket.BasketProperties;
import java.net.http.HttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * and read timeouts; I/O errors and 5xx answers are retried a few times with exponential back-off and
 * jitter (the GET is idempotent). A missing product is a 422 for the caller, anything else that
 * persists a 503: never a hang, never a guessed price.
 */
@Component
public class ProductCatalog {

  private static final Logger log = LoggerFactory.getLogger(ProductCatalog.class);

  private final RestClient http;
  private final RetryTemplate retry;

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
  }

  /** The product as the catalogue has it now. */
  public CatalogProduct product(String productId) {
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
    return failure instanceof ResourceAccessException || failure instanceof HttpServerErrorException;
  }
}
