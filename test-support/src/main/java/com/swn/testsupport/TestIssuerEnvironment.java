package com.swn.testsupport;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points every Spring context of a test JVM (test-support is a test dependency only) at {@link
 * TestIssuer}: {@code AUTH_ISSUER} (which the services' {@code application.yml} reads) and {@code
 * auth.issuer}, with the lowest precedence, so a test may still set its own.
 */
public final class TestIssuerEnvironment implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    environment
        .getPropertySources()
        .addLast(
            new MapPropertySource(
                "testIssuer",
                Map.of(
                    "AUTH_ISSUER",
                    TestIssuer.shared().issuer(),
                    "auth.issuer",
                    TestIssuer.shared().issuer())));
  }
}
