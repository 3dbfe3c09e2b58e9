package com.swn.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;

class GatewayPropertiesTests {

  private static final URI OK = URI.create("http://127.0.0.1:8081");

  @Test
  void acceptsBaseUrls() {
    GatewayProperties.Upstreams upstreams =
        new GatewayProperties.Upstreams(OK, URI.create("https://basket.internal/"), OK);

    assertThat(upstreams.basket()).hasHost("basket.internal");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"http://127.0.0.1:8081/api", "ftp://host", "//127.0.0.1:8081", "http://h/?x=1"})
  void refusesUpstreamThatIsNoBaseUrl(String url) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new GatewayProperties.Upstreams(OK, URI.create(url), OK))
        .withMessageContaining("gateway.upstreams.basket");
  }

  @Test
  void refusesZeroRequestSizeLimit() {
    GatewayProperties.Upstreams upstreams = new GatewayProperties.Upstreams(OK, OK, OK);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> new GatewayProperties(upstreams, DataSize.ofBytes(0)))
        .withMessageContaining("gateway.max-request-size");
  }
}
