package com.swn.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Spring Security's {@link DefaultBearerTokenResolver}, answered from memory for an {@code
 * Authorization} header it has resolved before. It matches the whole header against a regular
 * expression on every request, and a client sends the same ~1 KB header for the token's lifetime:
 * 3.3 % of a basket read's CPU (JFR, docs/performance.md). The cache is keyed by the exact header
 * text and holds only what the default resolver returned; a header it refused is never kept, so it
 * is refused again, the same way, every time. The token in the query or a form body stays disabled,
 * as in the default resolver, so the header is all it reads.
 *
 * <p>The resolver runs before the token is verified, so anyone can fill this cache with headers of
 * made-up tokens. It is therefore bounded by the characters it holds, not by entries: a flood
 * evicts real clients' headers, which then cost the regular expression again, and never more
 * memory.
 */
final class CachingBearerTokenResolver implements BearerTokenResolver {

  /** Characters of headers kept (their tokens as many again): ~4 MB, ~2,000 clients' headers. */
  static final long MAX_CACHED_CHARS = 2_000_000;

  private final BearerTokenResolver resolver = new DefaultBearerTokenResolver();
  private final Cache<String, String> tokens;

  CachingBearerTokenResolver(long maxChars, Duration ttl) {
    this.tokens =
        Caffeine.newBuilder()
            .maximumWeight(maxChars)
            .weigher((String header, String token) -> header.length())
            .expireAfterWrite(ttl)
            .build();
  }

  @Override
  public @Nullable String resolve(HttpServletRequest request) {
    var header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null) {
      return resolver.resolve(request);
    }
    var token = tokens.getIfPresent(header);
    if (token != null) {
      return token;
    }
    token = resolver.resolve(request);
    if (token != null) {
      tokens.put(header, token);
    }
    return token;
  }

  /** The characters of the headers held now, after pending evictions. */
  long cachedChars() {
    tokens.cleanUp();
    return tokens.policy().eviction().orElseThrow().weightedSize().orElseThrow();
  }
}
