package com.swn.testsupport;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The {@code Authorization} a well-behaved client sends: the token of the customer a request is
 * about — the user in {@code /basket/{user}…} or {@code /order/{user}…}, or the {@code userName} of
 * a checkout body — and the operator's token for everything else (product writes, list-everything
 * reads). Tests that are about authorization send their own header instead.
 */
public final class OwnerTokens implements HttpJson.Authorization {

  private static final Pattern OWNED = Pattern.compile("^/(?:basket|order)/([^/?]+)");
  private static final Pattern CHECKOUT_USER = Pattern.compile("\"userName\"\\s*:\\s*\"([^\"]*)\"");

  private final Function<String, @Nullable String> customer;
  private final Supplier<@Nullable String> operator;

  public OwnerTokens(
      Function<String, @Nullable String> customer, Supplier<@Nullable String> operator) {
    this.customer = customer;
    this.operator = operator;
  }

  @Override
  public @Nullable String header(String method, String path, @Nullable String body) {
    var token = tokenFor(path, body);
    return token == null ? null : "Bearer " + token;
  }

  private @Nullable String tokenFor(String path, @Nullable String body) {
    var owned = OWNED.matcher(path);
    if (owned.find() && !owned.group(1).equals("checkout")) {
      return customer.apply(decoded(owned.group(1)));
    }
    if (path.startsWith("/basket/checkout") && body != null) {
      var user = CHECKOUT_USER.matcher(body);
      if (user.find()) {
        return customer.apply(user.group(1));
      }
    }
    return operator.get();
  }

  /** The name as the service sees it once the path is decoded. */
  private static String decoded(String segment) {
    try {
      return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return segment;
    }
  }
}
