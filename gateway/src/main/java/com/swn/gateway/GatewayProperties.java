package com.swn.gateway;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Where each route goes and how large a request body the gateway accepts. Upstream timeouts are
 * Boot's own {@code spring.http.clients.*} settings, so they are not repeated here.
 *
 * @param upstreams base URL of each service behind the gateway
 * @param maxRequestSize larger request bodies are answered with 413 and never reach a service
 */
@Validated
@ConfigurationProperties("gateway")
record GatewayProperties(@NotNull @Valid Upstreams upstreams, @NotNull DataSize maxRequestSize) {

  GatewayProperties {
    // The limit is enforced by buffering chunked bodies in a byte array, so it must fit one.
    if (maxRequestSize != null
        && (maxRequestSize.toBytes() < 1 || maxRequestSize.toBytes() >= Integer.MAX_VALUE)) {
      throw new IllegalArgumentException(
          "gateway.max-request-size must be between 1B and 2GB, was " + maxRequestSize);
    }
  }

  /**
   * Base URLs ({@code scheme://host:port}) of the services.
   *
   * @param product target of {@code /product/**}
   * @param basket target of {@code /basket/**}
   * @param ordering target of {@code /order/**}
   */
  record Upstreams(@NotNull URI product, @NotNull URI basket, @NotNull URI ordering) {

    private static final Set<String> SCHEMES = Set.of("http", "https");

    Upstreams {
      requireBaseUrl("product", product);
      requireBaseUrl("basket", basket);
      requireBaseUrl("ordering", ordering);
    }

    // The proxy keeps only scheme, host and port of a route URI; a path or query in the
    // setting would be dropped silently, so it is refused at start-up instead.
    private static void requireBaseUrl(String name, URI url) {
      if (url == null) {
        return;
      }
      boolean baseUrl =
          url.getScheme() != null
              && SCHEMES.contains(url.getScheme())
              && url.getHost() != null
              && (url.getRawPath() == null
                  || url.getRawPath().isEmpty()
                  || "/".equals(url.getRawPath()))
              && url.getRawQuery() == null;
      if (!baseUrl) {
        throw new IllegalArgumentException(
            "gateway.upstreams."
                + name
                + " must be an http(s) base URL without a path, was "
                + url);
      }
    }
  }
}
