package com.swn.basket;

import com.swn.platform.security.Access;
import com.swn.platform.security.AccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * A basket is its customer's: only the token whose {@code username} is the path's user changes it;
 * operators may read any basket and list them all. The checkout is the caller's own (its body's
 * {@code userName}, if sent, must be the caller: {@code CheckoutController}).
 */
@Component
public final class BasketAccess implements AccessRules {

  private static final String[] BASKET = {"/basket/{userName}", "/basket/{userName}/**"};

  @Override
  public void authorize(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          rules) {
    rules.requestMatchers(HttpMethod.GET, "/basket").access(Access.operator());
    // No user is named checkout (every issuer refuses the name): the service answers what is below
    // it.
    rules.requestMatchers("/basket/checkout", "/basket/checkout/**").authenticated();
    rules.requestMatchers(HttpMethod.GET, BASKET).access(Access.ownerOrOperator("userName"));
    rules.requestMatchers(HttpMethod.HEAD, BASKET).access(Access.ownerOrOperator("userName"));
    rules.requestMatchers(BASKET).access(Access.owner("userName"));
  }
}
