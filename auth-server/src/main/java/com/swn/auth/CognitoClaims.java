package com.swn.auth;

import java.util.List;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Writes an access token as Amazon Cognito writes a user's: {@code sub} a UUID, {@code username}
 * the user name, {@code cognito:groups} (only when the user is in a group), {@code client_id} the
 * app client, {@code token_use: access}, and no {@code aud}. The services read exactly these.
 */
final class CognitoClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

  static final String OPERATORS = "operators";

  private final DemoUsers users;
  private final String clientId;

  CognitoClaims(DemoUsers users, String clientId) {
    this.users = users;
    this.clientId = clientId;
  }

  @Override
  public void customize(JwtEncodingContext context) {
    if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
      return;
    }
    String userName = context.getRegisteredClient().getClientId();
    context
        .getClaims()
        .subject(DemoUsers.subject(userName))
        .claim("username", userName)
        .claim("client_id", clientId)
        .claim("token_use", "access")
        .claims(
            claims -> {
              claims.remove("aud");
              if (users.isOperator(userName)) {
                claims.put("cognito:groups", List.of(OPERATORS));
              }
            });
  }
}
