package com.swn.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import com.swn.localaws.LocalAws;
import com.swn.testsupport.HttpJson;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A service whose table is missing stays alive but out of the load balancer. (Its listener stays
 * off, so it does not compete for the order queue with the other tests' context.)
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "ordering.table=no-such-table",
      "spring.cloud.aws.sqs.listener.auto-startup=false"
    })
class ReadinessIntegrationTest {

  @DynamicPropertySource
  static void aws(DynamicPropertyRegistry registry) {
    LocalAws.shared().springProperties().forEach((key, value) -> registry.add(key, () -> value));
  }

  @LocalServerPort int port;

  @Test
  void isLiveButNotReadyWithoutItsTable() {
    var http = new HttpJson("http://localhost:" + port);

    assertThat(http.get("/actuator/health/liveness").status()).isEqualTo(200);
    var readiness = http.get("/actuator/health/readiness");
    assertThat(readiness.status()).isEqualTo(503);
    assertThat(readiness.body()).doesNotContain("Exception", "no-such-table");
  }
}
