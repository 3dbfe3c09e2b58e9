package com.swn.basket;

import com.swn.basket.basket.BasketRepository;
import com.swn.basket.catalog.Catalog;
import com.swn.localaws.LocalAws;
import com.swn.testsupport.HttpJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The base of the integration tests: the whole service over real HTTP against moto, with the
 * product catalogue stubbed. All of them share one application context. {@link #baskets} is the
 * real repository; a test may make it wait at a barrier to force an interleaving, nothing more.
 * {@link #clock} is the service's clock, which a test may move forward; {@link #awsCalls} lists the
 * AWS operations the requests made.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(IntegrationTestBase.Clocks.class)
public abstract class IntegrationTestBase {

  @TestConfiguration(proxyBeanMethods = false)
  static class Clocks {

    @Bean
    MutableClock clock() {
      return new MutableClock();
    }

    @Bean
    AwsCallLog awsCallLog() {
      return new AwsCallLog();
    }
  }

  protected static final LocalAws AWS = LocalAws.shared();
  protected static final CatalogueStub CATALOGUE = CatalogueStub.shared();

  @DynamicPropertySource
  static void environment(DynamicPropertyRegistry registry) {
    AWS.springProperties().forEach((key, value) -> registry.add(key, () -> value));
    registry.add("basket.catalog.url", CATALOGUE::url);
    registry.add("basket.catalog.retry-delay", () -> "20ms");
    registry.add("basket.catalog.retry-jitter", () -> "10ms");
    // A read timeout well above the look-up deadline, so a hung catalogue meets the deadline first.
    registry.add("basket.catalog.read-timeout", () -> "5s");
    registry.add("basket.catalog.lookup-deadline", () -> "3s");
    registry.add("spring.cloud.aws.sqs.listener.poll-timeout", () -> "1s");
  }

  @LocalServerPort protected int port;
  @MockitoSpyBean protected BasketRepository baskets;

  /** Where an add gets its prices (the view, else the catalogue): a test can hold it. */
  @MockitoSpyBean protected Catalog catalog;

  @Autowired protected MutableClock clock;
  @Autowired protected AwsCallLog awsCalls;
  protected HttpJson http;

  @BeforeEach
  void client() {
    http =
        new HttpJson("http://localhost:" + port, com.swn.testsupport.TestIssuer.shared().owners());
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }
}
