package com.swn.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/** A token's signature is checked once; its claims, expiry included, on every use. */
class CachingJwtDecoderTest {

  private final AtomicInteger verifications = new AtomicInteger();
  private final Instant expiresAt = Instant.now().plusSeconds(600);

  private Jwt verify(String token) {
    verifications.incrementAndGet();
    if (token.startsWith("forged")) {
      throw new BadJwtException("bad signature");
    }
    return Jwt.withTokenValue(token)
        .header("alg", "RS256")
        .claim("sub", "alice")
        .issuedAt(expiresAt.minusSeconds(3600))
        .expiresAt(expiresAt)
        .build();
  }

  private final CachingJwtDecoder decoder =
      new CachingJwtDecoder(
          this::verify, new JwtTimestampValidator(Duration.ZERO), 100, Duration.ofMinutes(5));

  @Test
  void checksASignatureOnceForEveryUseOfTheToken() {
    for (int i = 0; i < 5; i++) {
      assertThat(decoder.decode("token-a").getSubject()).isEqualTo("alice");
    }
    decoder.decode("token-b");

    assertThat(verifications).hasValue(2);
  }

  @Test
  void refusesAKeptTokenOnceItHasExpired() {
    var timestamps = new JwtTimestampValidator(Duration.ZERO);
    var now = Instant.now();
    timestamps.setClock(Clock.fixed(now, ZoneOffset.UTC));
    var kept = new CachingJwtDecoder(this::verify, timestamps, 100, Duration.ofMinutes(5));
    kept.decode("token-a");

    timestamps.setClock(Clock.fixed(expiresAt.plusSeconds(1), ZoneOffset.UTC));

    assertThatThrownBy(() -> kept.decode("token-a"))
        .isInstanceOf(JwtValidationException.class)
        .hasMessageContaining("expired");
    assertThat(verifications).as("refused from the cache, by the validators").hasValue(1);
  }

  @Test
  void keepsNoTokenThatFailed() {
    assertThatThrownBy(() -> decoder.decode("forged-1")).isInstanceOf(BadJwtException.class);
    assertThatThrownBy(() -> decoder.decode("forged-1")).isInstanceOf(BadJwtException.class);

    assertThat(verifications).hasValue(2);
  }
}
