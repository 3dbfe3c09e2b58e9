package com.swn.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import com.swn.localaws.ResourceDefinitions;
import com.swn.testsupport.ShippedConfiguration;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The listener settings are checked at start-up, so a bad value stops the service, not the queue.
 */
class OrderingPropertiesTest {

  private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
  private static final Validator VALIDATOR = FACTORY.getValidator();

  @AfterAll
  static void close() {
    FACTORY.close();
  }

  /** Bound from the shipped application.yml, with {@code environment} as the process's. */
  private static OrderingProperties bind(Map<String, String> environment) {
    return ShippedConfiguration.bind("ordering", OrderingProperties.class, environment);
  }

  private static Set<String> violations(OrderingProperties properties) {
    return VALIDATOR.validate(properties).stream()
        .map(ConstraintViolation::getPropertyPath)
        .map(Object::toString)
        .collect(Collectors.toSet());
  }

  @Test
  void defaultsAreValid() {
    var properties = bind(Map.of());

    assertThat(violations(properties)).isEmpty();
    assertThat(properties.maxPageSize()).isEqualTo(100);
    assertThat(properties.listener().maxMessagesPerPoll()).isEqualTo(10);
    assertThat(properties.table()).isEqualTo("order");
  }

  @Test
  void theDocumentedVariablesOverrideTheDefaults() {
    var properties =
        bind(Map.of("ORDER_MAX_PAGE_SIZE", "50", "ORDER_LISTENER_MAX_CONCURRENT_MESSAGES", "20"));

    assertThat(properties.maxPageSize()).isEqualTo(50);
    assertThat(properties.listener().maxConcurrentMessages()).isEqualTo(20);
  }

  @Test
  void rejectsBatchesLargerThanTheConcurrencyLimit() {
    var properties =
        bind(
            Map.of(
                "ORDER_LISTENER_MAX_CONCURRENT_MESSAGES",
                "5",
                "ORDER_LISTENER_MAX_MESSAGES_PER_POLL",
                "10"));

    assertThat(violations(properties)).contains("listener.maxMessagesPerPollWithinConcurrency");
  }

  @Test
  void rejectsAShutdownTimeoutThatAPollInFlightWouldUseUp() {
    var properties =
        bind(
            Map.of("ORDER_LISTENER_POLL_TIMEOUT", "10s", "ORDER_LISTENER_SHUTDOWN_TIMEOUT", "10s"));

    assertThat(violations(properties)).contains("listener.shutdownTimeoutLongerThanPollTimeout");
  }

  @Test
  void rejectsRetryWaitsSqsCannotSet() {
    assertThat(violations(bind(Map.of("ORDER_RETRY_INITIAL_VISIBILITY", "0s"))))
        .contains("listener.retryVisibilityValid");
    assertThat(violations(bind(Map.of("ORDER_RETRY_MAX_VISIBILITY", "13h"))))
        .contains("listener.retryVisibilityValid");
  }

  /**
   * The receive budget of the order queue (its redrive policy, in the one local definition that the
   * CDK stack is checked against) with the default back-off: the waits between its receives add up
   * to more than a quarter of an hour, so a valid order outlasts an outage that long.
   */
  @Test
  void defaultBackOffAndTheQueuesReceivesOutlastAQuarterHourOutage() {
    var listener = bind(Map.of()).listener();
    int maxReceives =
        ResourceDefinitions.load()
            .queue("OrderQueue")
            .orElseThrow()
            .optionalDeadLetter()
            .orElseThrow()
            .maxReceiveCount();
    double waited = 0;
    for (int receive = 1; receive < maxReceives; receive++) {
      waited +=
          Math.min(
              listener.retryInitialVisibility().toSeconds()
                  * Math.pow(listener.retryMultiplier(), receive - 1),
              listener.retryMaxVisibility().toSeconds());
    }
    System.out.printf(
        "Order queue: %d receives, back-off %s × %s ≤ %s: %.0f s of outage survived%n",
        maxReceives,
        listener.retryInitialVisibility(),
        listener.retryMultiplier(),
        listener.retryMaxVisibility(),
        waited);

    assertThat(Duration.ofSeconds((long) waited)).isGreaterThan(Duration.ofMinutes(15));
  }
}
