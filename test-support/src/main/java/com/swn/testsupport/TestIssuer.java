package com.swn.testsupport;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * A token issuer inside the test JVM, standing in for the Cognito user pool (and the local
 * auth-server): it serves its key set at {@code <issuer>/.well-known/jwks.json} over real HTTP and
 * signs access tokens with Cognito's claims. {@link TestIssuerEnvironment} points every Spring test
 * context at it, so the services validate these tokens through their production code path.
 */
public final class TestIssuer {

  public static final String CLIENT_ID = "swn-shop";
  public static final String OPERATOR = "ops";

  private static @Nullable TestIssuer shared;

  private final String issuer;
  private final NimbusJwtEncoder encoder;
  private final NimbusJwtEncoder forger;
  private final Map<String, String> tokens = new ConcurrentHashMap<>();

  private TestIssuer() {
    var key = rsaKey();
    var jwks = new JWKSet(key).toString(true).getBytes(StandardCharsets.UTF_8);
    try {
      var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext(
          "/.well-known/jwks.json",
          exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (var body = exchange.getResponseBody()) {
              body.write(jwks);
            }
          });
      server.start();
      issuer = "http://127.0.0.1:" + server.getAddress().getPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
    forger = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(rsaKey())));
  }

  public static synchronized TestIssuer shared() {
    if (shared == null) {
      shared = new TestIssuer();
    }
    return shared;
  }

  public String issuer() {
    return issuer;
  }

  /** A customer's access token (cached: one per user name per JVM). */
  public String token(String userName) {
    return tokens.computeIfAbsent(
        userName, name -> sign(encoder, claims -> user(claims, name, false)));
  }

  /** The operator's access token: a member of {@code operators}. */
  public String operatorToken() {
    return tokens.computeIfAbsent(
        "\0" + OPERATOR, name -> sign(encoder, claims -> user(claims, OPERATOR, true)));
  }

  /** A customer's token with some claims changed (expired, another issuer, an ID token…). */
  public String token(String userName, Consumer<JwtClaimsSet.Builder> change) {
    return sign(
        encoder,
        claims -> {
          user(claims, userName, false);
          change.accept(claims);
        });
  }

  /** A well-formed token with the right claims, signed by a key that is not the issuer's. */
  public String forgedToken(String userName) {
    return sign(forger, claims -> user(claims, userName, false));
  }

  /** Acts as the owner of what a request names; see {@link OwnerTokens}. */
  public OwnerTokens owners() {
    return new OwnerTokens(this::token, this::operatorToken);
  }

  private static void user(JwtClaimsSet.Builder claims, String userName, boolean operator) {
    var now = Instant.now();
    claims
        .issuer(shared().issuer)
        .subject(UUID.nameUUIDFromBytes(userName.getBytes(StandardCharsets.UTF_8)).toString())
        .claim("username", userName)
        .claim("client_id", CLIENT_ID)
        .claim("token_use", "access")
        .issuedAt(now)
        .expiresAt(now.plusSeconds(3600));
    if (operator) {
      claims.claim("cognito:groups", List.of("operators"));
    }
  }

  private static String sign(NimbusJwtEncoder encoder, Consumer<JwtClaimsSet.Builder> claims) {
    var builder = JwtClaimsSet.builder();
    claims.accept(builder);
    var header = JwsHeader.with(SignatureAlgorithm.RS256).build();
    return encoder.encode(JwtEncoderParameters.from(header, builder.build())).getTokenValue();
  }

  private static RSAKey rsaKey() {
    try {
      var generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      var pair = generator.generateKeyPair();
      return new RSAKey.Builder((RSAPublicKey) pair.getPublic())
          .privateKey((RSAPrivateKey) pair.getPrivate())
          .keyID(UUID.randomUUID().toString())
          .build();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
