package com.swn.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.Objects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * For any {@code Authorization} header, the first answer and every later one are the default
 * resolver's: the same token, or the same refusal (a refused header is never served from the
 * cache).
 */
class CachingBearerTokenResolverTest {

  private final CachingBearerTokenResolver caching =
      new CachingBearerTokenResolver(100_000, Duration.ofMinutes(5));
  private final DefaultBearerTokenResolver reference = new DefaultBearerTokenResolver();

  @Property(tries = 2000)
  void answersAsTheDefaultResolverEveryTime(@ForAll("authorization") @Nullable String header) {
    var expected = outcome(() -> reference.resolve(request(header)));

    for (int use = 0; use < 3; use++) {
      assertThat(outcome(() -> caching.resolve(request(header)))).isEqualTo(expected);
    }
  }

  @Example
  void aFloodOfMadeUpTokensHoldsNoMoreThanTheBound() {
    var bounded = new CachingBearerTokenResolver(50_000, Duration.ofMinutes(5));
    for (int i = 0; i < 1_000; i++) {
      var token = "a".repeat(990) + String.format("%010d", i);
      assertThat(bounded.resolve(request("Bearer " + token))).isEqualTo(token);
    }
    // 1,000 headers of 1,007 characters were resolved; what is kept stays within the bound.
    assertThat(bounded.cachedChars()).isPositive().isLessThanOrEqualTo(50_000);
  }

  @Provide
  Arbitrary<@Nullable String> authorization() {
    var token =
        Arbitraries.strings()
            .withChars("abcXYZ019-._~+/=")
            .withCharRange('a', 'z')
            .ofMinLength(0)
            .ofMaxLength(30);
    var scheme =
        Arbitraries.of("Bearer ", "bearer ", "BEARER ", "Bearer", "Bearer  ", "Basic ", "");
    var odd = Arbitraries.strings().ofMaxLength(5);
    return Arbitraries.oneOf(
        scheme.flatMap(s -> token.map(t -> s + t)),
        scheme.flatMap(s -> token.flatMap(t -> odd.map(o -> s + t + o))),
        Arbitraries.just(null));
  }

  private static MockHttpServletRequest request(@Nullable String header) {
    var request = new MockHttpServletRequest("GET", "/basket/ann");
    if (header != null) {
      request.addHeader(HttpHeaders.AUTHORIZATION, header);
    }
    return request;
  }

  /** The token, or the refusal's error code and description. */
  private static String outcome(java.util.function.Supplier<@Nullable String> resolve) {
    var failure = catchThrowable(resolve::get);
    if (failure instanceof OAuth2AuthenticationException refused) {
      return "refused "
          + refused.getError().getErrorCode()
          + ": "
          + refused.getError().getDescription();
    }
    if (failure != null) {
      throw new AssertionError(failure);
    }
    return "token " + Objects.toString(resolve.get());
  }
}
