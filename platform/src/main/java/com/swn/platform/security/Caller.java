package com.swn.platform.security;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The authenticated caller, read from the access token as Cognito writes it: the customer is the
 * {@code username} claim (the name in {@code /basket/{userName}} and {@code /order/{userName}}), an
 * operator is a member of the {@code operators} group ({@code cognito:groups}).
 */
public record Caller(String userName, boolean operator) {

  public static final String USER_NAME_CLAIM = "username";
  public static final String GROUPS_CLAIM = "cognito:groups";
  public static final String OPERATORS_GROUP = "operators";

  public static @Nullable Caller of(@Nullable Authentication authentication) {
    if (!(authentication instanceof JwtAuthenticationToken token)) {
      return null;
    }
    return of(token.getToken());
  }

  public static @Nullable Caller of(Jwt jwt) {
    String userName = jwt.getClaimAsString(USER_NAME_CLAIM);
    if (userName == null || userName.isEmpty()) {
      return null;
    }
    List<String> groups = jwt.getClaimAsStringList(GROUPS_CLAIM);
    return new Caller(userName, groups != null && groups.contains(OPERATORS_GROUP));
  }

  /** The caller of the current request; only called behind a rule that requires a token. */
  public static Caller current() {
    var caller = of(SecurityContextHolder.getContext().getAuthentication());
    if (caller == null) {
      throw new IllegalStateException("No authenticated caller: the endpoint lacks an access rule");
    }
    return caller;
  }

  public boolean is(String name) {
    return userName.equals(name);
  }
}
