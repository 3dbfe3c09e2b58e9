package com.swn.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Verifies each distinct token's signature once. A client sends the same access token with every
 * request for its lifetime, and checking the RS256 signature and converting the claims was a tenth
 * of the basket service's CPU per add (JFR, docs/performance.md). A token that passed is kept,
 * keyed by its exact text, for at most {@code ttl}; every use of it runs the validators again
 * (expiry, not-before, issuer, {@code token_use}, {@code client_id}), so an expired token is
 * refused as before. A token that failed is not kept. The price: a signing key withdrawn from the
 * issuer's JWKS stops a token this cache already holds only after {@code ttl}.
 */
final class CachingJwtDecoder implements JwtDecoder {

  private final JwtDecoder verifier;
  private final OAuth2TokenValidator<Jwt> validator;
  private final Cache<String, Jwt> verified;

  /**
   * @param verifier checks the signature and the claims (the first use of a token)
   * @param validator the claims checks that {@code verifier} runs too, repeated on every later use
   */
  CachingJwtDecoder(
      JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, int maxTokens, Duration ttl) {
    this.verifier = verifier;
    this.validator = validator;
    this.verified = Caffeine.newBuilder().maximumSize(maxTokens).expireAfterWrite(ttl).build();
  }

  @Override
  public Jwt decode(String token) throws JwtException {
    var jwt = verified.getIfPresent(token);
    if (jwt == null) {
      jwt = verifier.decode(token);
      verified.put(token, jwt);
      return jwt;
    }
    var result = validator.validate(jwt);
    if (result.hasErrors()) {
      verified.invalidate(token);
      var description = result.getErrors().iterator().next().getDescription();
      throw new JwtValidationException(
          description == null ? "The token is not valid" : description, result.getErrors());
    }
    return jwt;
  }
}
