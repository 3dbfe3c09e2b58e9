package com.swn.ordering;

import com.swn.platform.security.Access;
import com.swn.platform.security.AccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * A customer reads and cancels only her own orders; operators read every order (and list them all)
 * but do not cancel in a customer's name.
 */
@Component
public final class OrderAccess implements AccessRules {

  private static final String[] ORDERS = {"/order/{userName}", "/order/{userName}/**"};

  @Override
  public void authorize(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          rules) {
    rules.requestMatchers(HttpMethod.GET, "/order").access(Access.operator());
    rules.requestMatchers(HttpMethod.GET, ORDERS).access(Access.ownerOrOperator("userName"));
    rules.requestMatchers(HttpMethod.HEAD, ORDERS).access(Access.ownerOrOperator("userName"));
    rules.requestMatchers(ORDERS).access(Access.owner("userName"));
  }
}
