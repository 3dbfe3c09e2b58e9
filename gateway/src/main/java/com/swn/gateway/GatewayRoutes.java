package com.swn.gateway;

import static org.springframework.cloud.gateway.server.mvc.filter.AfterFilterFunctions.removeResponseHeader;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.adaptCachedBody;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.requestSize;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.cloud.gateway.server.mvc.predicate.GatewayRequestPredicates.path;

import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The route table of the HTTP API in AWS: each prefix goes to one service with its path and query
 * unchanged. Anything else is not routed (404), including {@code /actuator/**}.
 */
@Configuration(proxyBeanMethods = false)
class GatewayRoutes {

  @Bean
  RouterFunction<ServerResponse> serviceRoutes(GatewayProperties properties) {
    GatewayProperties.Upstreams upstreams = properties.upstreams();
    DataSize limit = properties.maxRequestSize();
    return serviceRoute("product", "/product", upstreams.product(), limit)
        .and(serviceRoute("basket", "/basket", upstreams.basket(), limit))
        .and(serviceRoute("ordering", "/order", upstreams.ordering(), limit));
  }

  private static RouterFunction<ServerResponse> serviceRoute(
      String id, String prefix, URI upstream, DataSize limit) {
    return route(id)
        .route(path(prefix, prefix + "/**"), http())
        .before(uri(upstream))
        .before(CallerRequest.asSent())
        // The library's filter checks a declared Content-Length; chunked bodies have none, so
        // they are buffered up to the limit and handed on through the library's cached body.
        .before(requestSize(limit))
        .before(new ChunkedBodyLimit(limit))
        .before(adaptCachedBody())
        // The gateway owns X-Request-Id (set by RequestIdFilter); a copy echoed by the service
        // would otherwise be added as a second value.
        .after(removeResponseHeader(RequestIdFilter.HEADER))
        .build();
  }
}
