package com.swn.auth;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The demo users, as OAuth2 clients of the {@code client_credentials} grant: user name = client id,
 * password = client secret. That grant is the only non-interactive one Spring Authorization Server
 * offers (OAuth 2.1 dropped the password grant; authorization code and device code need a person at
 * a browser), and {@code scripts/token}, the tests, k6 and the benchmark need a token without one.
 * {@link CognitoClaims} then writes the claims a Cognito user's access token carries.
 *
 * <p>Any valid customer name is a demo user (the load tests use thousands), all with the one demo
 * secret; the operators are the configured names. This is a local development issuer only.
 */
final class DemoUsers implements RegisteredClientRepository {

  /** The user names the services accept (basket and order paths); {@code checkout} is reserved. */
  private static final Pattern USER_NAME = Pattern.compile("^(?!checkout$)[A-Za-z0-9._-]{1,100}$");

  private final String secret;
  private final List<String> operators;
  private final TokenSettings tokens;

  DemoUsers(DemoUsersProperties properties) {
    this.secret = "{noop}" + properties.demoSecret();
    this.operators = List.copyOf(properties.operators());
    this.tokens =
        TokenSettings.builder()
            .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
            .accessTokenTimeToLive(properties.tokenTtl())
            .build();
  }

  boolean isOperator(String userName) {
    return operators.contains(userName);
  }

  /** A stable UUID per name, like the {@code sub} Cognito gives each user. */
  static String subject(String userName) {
    return UUID.nameUUIDFromBytes(("swn-demo-user:" + userName).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  @Override
  public @Nullable RegisteredClient findByClientId(String clientId) {
    if (!USER_NAME.matcher(clientId).matches()) {
      return null;
    }
    return RegisteredClient.withId(clientId)
        .clientId(clientId)
        .clientSecret(secret)
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
        .tokenSettings(tokens)
        .build();
  }

  @Override
  public @Nullable RegisteredClient findById(String id) {
    return findByClientId(id);
  }

  /**
   * Nothing to store: the users are derived from their names. (The secret check calls this to
   * re-encode a {@code {noop}} secret, which is harmless to skip.)
   */
  @Override
  public void save(RegisteredClient registeredClient) {}
}
