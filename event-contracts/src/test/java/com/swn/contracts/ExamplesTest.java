package com.swn.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every published schema has an example event beside it, and the example conforms to it. */
class ExamplesTest {

  private static final Path EVENTS = Path.of("src/main/resources/contracts/events");
  private static final Pattern SCHEMA = Pattern.compile("([A-Za-z]+)\\.v(\\d+)\\.schema\\.json");

  /** eventType and schemaVersion of each published schema (the envelope is not an event). */
  static Stream<Object[]> published() throws IOException {
    try (Stream<Path> files = Files.list(EVENTS)) {
      List<Object[]> found =
          files
              .map(file -> SCHEMA.matcher(file.getFileName().toString()))
              .filter(matcher -> matcher.matches() && !matcher.group(1).equals("envelope"))
              .map(matcher -> new Object[] {matcher.group(1), Integer.parseInt(matcher.group(2))})
              .toList();
      assertThat(found).as("published schemas").hasSizeGreaterThanOrEqualTo(4);
      return found.stream();
    }
  }

  @ParameterizedTest(name = "{0} v{1}")
  @MethodSource("published")
  void theExampleConformsToItsSchema(String eventType, int schemaVersion) {
    var example = EventContracts.example(eventType, schemaVersion);

    assertThat(example.path("eventType").asString()).isEqualTo(eventType);
    assertThat(example.path("schemaVersion").asInt()).isEqualTo(schemaVersion);
    assertThat(EventContracts.violations(eventType, schemaVersion, example)).isEmpty();
  }

  @ParameterizedTest(name = "{0} v{1}")
  @MethodSource("published")
  void theDeliveryCarriesTheDetailUnderItsDetailType(String eventType, int schemaVersion) {
    var detail = EventContracts.example(eventType, schemaVersion);
    var first = EventContracts.delivery(eventType, schemaVersion, detail);
    var second = EventContracts.delivery(eventType, schemaVersion, detail);

    assertThat(first.path("detail-type").asString()).isEqualTo(eventType);
    assertThat(first.path("source").asString()).startsWith("com.swn.");
    assertThat(first.path("detail")).isEqualTo(detail);
    assertThat(first.path("id").asString()).isNotEqualTo(second.path("id").asString());
  }

  @Test
  void eachCallIsAFreshCopy() {
    EventContracts.example("CheckoutBasket", 1).put("eventType", "Changed");

    assertThat(EventContracts.example("CheckoutBasket", 1).path("eventType").asString())
        .isEqualTo("CheckoutBasket");
  }

  @Test
  void anUnpublishedExampleIsAnError() {
    assertThatThrownBy(() -> EventContracts.example("Nope", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Nope.v1");
  }
}
