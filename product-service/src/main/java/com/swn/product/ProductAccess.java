package com.swn.product;

import com.swn.platform.security.Access;
import com.swn.platform.security.AccessRules;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The catalogue is public to read; only operators change it. The HTTP API's routes (infra-cdk) and
 * the gateway apply the same rules at the edge.
 */
@Component
public final class ProductAccess implements AccessRules {

  @Override
  public List<PublicRoute> publicRoutes() {
    return List.of(
        new PublicRoute(HttpMethod.GET, "/product"),
        new PublicRoute(HttpMethod.GET, "/product/{id}"));
  }

  @Override
  public void authorize(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          rules) {
    rules.requestMatchers("/product", "/product/**").access(Access.operator());
  }
}
