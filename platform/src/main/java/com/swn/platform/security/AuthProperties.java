package com.swn.platform.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who issues the tokens a service accepts. The environment variables are {@code AUTH_ISSUER},
 * {@code AUTH_CLIENTS} and {@code AUTH_JWKS}; the gateway reads the same ones.
 *
 * @param issuer the exact {@code iss}: {@code https://cognito-idp.<region>.amazonaws.com/<poolId>}
 *     in AWS, the local issuer ({@code auth-server}) otherwise
 * @param clients the app client ids whose tokens are accepted, matched against {@code client_id}
 *     (Cognito access tokens carry no {@code aud})
 * @param jwks where the signing keys are; unset: {@code <issuer>/.well-known/jwks.json}, Cognito's
 *     and the local issuer's path. Set it where the issuer's public URL is not reachable, e.g. in
 *     compose.
 */
@Validated
@ConfigurationProperties("auth")
public record AuthProperties(
    @NotBlank @DefaultValue("http://127.0.0.1:9000") String issuer,
    @NotEmpty @DefaultValue("swn-shop") List<String> clients,
    @Nullable URI jwks) {

  public URI jwkSetUri() {
    return jwks != null
        ? jwks
        : URI.create(issuer.replaceAll("/+$", "") + "/.well-known/jwks.json");
  }
}
