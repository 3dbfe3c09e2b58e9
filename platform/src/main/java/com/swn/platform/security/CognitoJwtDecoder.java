package com.swn.platform.security;

import java.time.Duration;
import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Validates an access token as AWS documents for Cognito: RS256 signature by a key of the issuer's
 * JWKS, {@code exp}/{@code nbf}, the exact {@code iss}, {@code token_use} is {@code access} (an ID
 * token is refused), and {@code client_id} is one of ours. The keys are fetched on first use and
 * again when a token names an unknown key, so a service starts without the issuer. A token's
 * signature is checked once, its claims on every use ({@link CachingJwtDecoder}).
 */
public final class CognitoJwtDecoder {

  /** Distinct tokens whose signature is not checked again (about 2 KB each). */
  private static final int MAX_CACHED_TOKENS = 10_000;

  /** How long a withdrawn signing key may still be trusted for a token already verified. */
  static final Duration CACHED_TOKEN_TTL = Duration.ofMinutes(5);

  private CognitoJwtDecoder() {}

  public static JwtDecoder of(AuthProperties properties) {
    var decoder =
        NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri().toString())
            .jwsAlgorithm(SignatureAlgorithm.RS256)
            .build();
    OAuth2TokenValidator<Jwt> validator =
        new DelegatingOAuth2TokenValidator<>(
            JwtValidators.createDefaultWithIssuer(properties.issuer()),
            claim("token_use", List.of("access")),
            claim("client_id", properties.clients()));
    decoder.setJwtValidator(validator);
    return new CachingJwtDecoder(decoder, validator, MAX_CACHED_TOKENS, CACHED_TOKEN_TTL);
  }

  private static OAuth2TokenValidator<Jwt> claim(String name, List<String> accepted) {
    var error = new OAuth2Error("invalid_token", "The token's " + name + " is not accepted", null);
    return jwt ->
        accepted.contains(jwt.getClaimAsString(name))
            ? OAuth2TokenValidatorResult.success()
            : OAuth2TokenValidatorResult.failure(error);
  }
}
