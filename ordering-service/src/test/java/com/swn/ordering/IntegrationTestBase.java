package com.swn.ordering;

import com.swn.localaws.LocalAws;
import com.swn.testsupport.HttpJson;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The running service against moto (one per test JVM), over real HTTP and real SQS. Every subclass
 * shares this one application context, so exactly one listener consumes the order queue (a subclass
 * that needs other settings gets its own context and queue). Failed messages come back after 1 s
 * instead of the production back-off.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "ordering.listener.poll-timeout=1s",
      "ordering.listener.retry-initial-visibility=1s",
      "ordering.listener.retry-multiplier=1.0",
      "ordering.listener.retry-max-visibility=1s",
      "ordering.listener.shutdown-timeout=2s"
    })
public abstract class IntegrationTestBase {

  protected static final LocalAws AWS = LocalAws.shared();

  @DynamicPropertySource
  static void aws(DynamicPropertyRegistry registry) {
    AWS.springProperties().forEach((key, value) -> registry.add(key, () -> value));
  }

  @LocalServerPort protected int port;
  protected HttpJson http;

  @BeforeEach
  void client() {
    http =
        new HttpJson("http://localhost:" + port, com.swn.testsupport.TestIssuer.shared().owners());
  }
}
