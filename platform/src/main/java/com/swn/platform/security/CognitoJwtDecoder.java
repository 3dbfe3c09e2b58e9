package com.swn.platform.security;

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
 * again when a token names an unknown key, so a service starts without the issuer.
 */
public final class CognitoJwtDecoder {

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
    return decoder;
  }

  private static OAuth2TokenValidator<Jwt> claim(String name, List<String> accepted) {
    var error = new OAuth2Error("invalid_token", "The token's " + name + " is not accepted", null);
    return jwt ->
        accepted.contains(jwt.getClaimAsString(name))
            ? OAuth2TokenValidatorResult.success()
            : OAuth2TokenValidatorResult.failure(error);
  }
}
