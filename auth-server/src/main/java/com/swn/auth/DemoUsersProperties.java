package com.swn.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The local issuer's settings ({@code AUTH_*} environment variables, the same names the services
 * read). Their defaults are in {@code application.yml}, beside the variables' names; the issuer's
 * here, as Spring maps {@code AUTH_ISSUER} to it without a line there.
 *
 * @param issuer the {@code iss} of every token, and what the services expect ({@code AUTH_ISSUER}):
 *     one fixed URL, so that a token fetched from the host is valid for services in containers too
 * @param clients the app client id written into {@code client_id}, as Cognito writes its app
 *     client's id there; the first of the list, as the services accept the list ({@code
 *     AUTH_CLIENTS})
 * @param demoSecret every demo user's password ({@code AUTH_DEMO_SECRET})
 * @param operators the demo users in the {@code operators} group ({@code AUTH_OPERATORS})
 * @param tokenTtl how long an access token is valid (Cognito's default: one hour)
 */
@Validated
@ConfigurationProperties("auth")
record DemoUsersProperties(
    @NotBlank @DefaultValue("http://127.0.0.1:9000") String issuer,
    @NotEmpty List<String> clients,
    @NotBlank String demoSecret,
    @NotNull List<String> operators,
    @NotNull Duration tokenTtl) {

  String clientId() {
    return clients.getFirst();
  }
}
