package com.swn.platform.security;

import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's route rules, the same ones the HTTP API (in AWS) and the gateway (locally) apply at
 * the edge, plus the ownership rules only the service can check. The platform puts the probes and
 * the API documents before them and "everything else needs a valid token" after them.
 */
public interface AccessRules {

  /** A route anyone may call: its method and its path as the OpenAPI document spells it. */
  record PublicRoute(HttpMethod method, String path) {}

  /** Routes that need no token; the OpenAPI document marks them so. */
  default List<PublicRoute> publicRoutes() {
    return List.of();
  }

  /**
   * The rules after the public routes, e.g. {@code requestMatchers(...).access(Access.owner(...))}.
   */
  void authorize(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          rules);
}
