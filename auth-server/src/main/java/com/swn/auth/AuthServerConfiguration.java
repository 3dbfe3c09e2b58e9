package com.swn.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Spring Authorization Server with the token endpoint ({@code POST /oauth2/token}, grant {@code
 * client_credentials}) and the key set at Cognito's path, {@code /.well-known/jwks.json}, so the
 * services find it at {@code <issuer>/.well-known/jwks.json} in both places. The signing key is
 * made at start-up and lives in memory: after a restart, fetch new tokens.
 */
@Configuration(proxyBeanMethods = false)
class AuthServerConfiguration {

  static final String JWKS_PATH = "/.well-known/jwks.json";

  @Bean
  @Order(1)
  SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
    http.oauth2AuthorizationServer(server -> http.securityMatcher(server.getEndpointsMatcher()))
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .sessionManagement(
            sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable());
    return http.build();
  }

  /** Everything else: the probes, nothing more (no login page, no sessions). */
  @Bean
  @Order(2)
  SecurityFilterChain probesOnly(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**")
                    .permitAll()
                    .anyRequest()
                    .denyAll())
        .sessionManagement(
            sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable());
    return http.build();
  }

  @Bean
  DemoUsers demoUsers(DemoUsersProperties properties) {
    return new DemoUsers(properties);
  }

  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> cognitoClaims(
      DemoUsers users, DemoUsersProperties properties) {
    return new CognitoClaims(users, properties.clientId());
  }

  @Bean
  AuthorizationServerSettings authorizationServerSettings(DemoUsersProperties properties) {
    return AuthorizationServerSettings.builder()
        .issuer(properties.issuer())
        .jwkSetEndpoint(JWKS_PATH)
        .build();
  }

  @Bean
  JWKSource<SecurityContext> signingKey() throws NoSuchAlgorithmException {
    var generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    var pair = generator.generateKeyPair();
    var key =
        new RSAKey.Builder((RSAPublicKey) pair.getPublic())
            .privateKey((RSAPrivateKey) pair.getPrivate())
            .keyID(UUID.randomUUID().toString())
            .build();
    return new ImmutableJWKSet<>(new JWKSet(key));
  }

  /**
   * Issued tokens are self-contained JWTs that nothing here looks up again (no introspection, no
   * revocation, no refresh), so none is kept: the default in-memory store would grow with every
   * token a load test asks for.
   */
  @Bean
  OAuth2AuthorizationService noStoredAuthorizations() {
    return new OAuth2AuthorizationService() {
      @Override
      public void save(OAuth2Authorization authorization) {}

      @Override
      public void remove(OAuth2Authorization authorization) {}

      @Override
      public @Nullable OAuth2Authorization findById(String id) {
        return null;
      }

      @Override
      public @Nullable OAuth2Authorization findByToken(
          String token, @Nullable OAuth2TokenType tokenType) {
        return null;
      }
    };
  }
}
