package com.swn.platform.security;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/** The three rules of the API: operators only, the owner only, the owner or an operator. */
public final class Access {

  private Access() {}

  public static AuthorizationManager<RequestAuthorizationContext> operator() {
    return rule((caller, context) -> caller.operator());
  }

  /** Only the user the path names in {@code variable}: a customer's writes, even for operators. */
  public static AuthorizationManager<RequestAuthorizationContext> owner(String variable) {
    return rule((caller, context) -> caller.is(pathUser(context, variable)));
  }

  /** The user the path names, or an operator: reads. */
  public static AuthorizationManager<RequestAuthorizationContext> ownerOrOperator(String variable) {
    return rule((caller, context) -> caller.operator() || caller.is(pathUser(context, variable)));
  }

  private static String pathUser(RequestAuthorizationContext context, String variable) {
    var value = context.getVariables().get(variable);
    return value == null ? "" : value;
  }

  private interface Rule {
    boolean allows(Caller caller, RequestAuthorizationContext context);
  }

  private static AuthorizationManager<RequestAuthorizationContext> rule(Rule rule) {
    return new AuthorizationManager<>() {
      @Override
      public AuthorizationResult authorize(
          Supplier<? extends @Nullable Authentication> authentication,
          RequestAuthorizationContext context) {
        var caller = Caller.of(authentication.get());
        return new AuthorizationDecision(caller != null && rule.allows(caller, context));
      }
    };
  }
}
