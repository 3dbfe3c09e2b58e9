package com.swn.ordering;

import io.awspring.cloud.sqs.listener.BackPressureMode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The ordering service's own settings. Physical names come from the environment in AWS (CDK
 * generates them); the defaults in {@code application.yml} match the local resource definition.
 *
 * @param table the order table (key {@code userName} + {@code orderId})
 * @param dateIndex the global secondary index ({@code userName} + {@code orderDate}) that lists a
 *     user's orders newest first
 * @param queueName the queue the checkout events arrive on
 * @param deadLetterQueueName where the listener itself puts a message that can never become an
 *     order (poison); the queue's redrive policy names the same queue, for messages whose retries
 *     ran out
 * @param maxPageSize listings return at most this many orders per page, whatever {@code limit} asks
 *     for (the API accepts 1..100); lower it to shed load without breaking clients, who page on
 * @param listener how the SQS listener container polls, retries and stops
 */
@Validated
@ConfigurationProperties("ordering")
public record OrderingProperties(
    @NotBlank String table,
    @NotBlank String dateIndex,
    @NotBlank String queueName,
    @NotBlank String deadLetterQueueName,
    @Min(1) @Max(100) int maxPageSize,
    @Valid @NotNull Listener listener) {

  /**
   * @param maxConcurrentMessages messages processed at once (the back-pressure limit: no more are
   *     polled while this many are in flight)
   * @param maxMessagesPerPoll the batch size of one {@code ReceiveMessage} (1..10)
   * @param pollTimeout the long-poll wait of one {@code ReceiveMessage} (1..20 s)
   * @param backPressureMode {@code AUTO} polls single batches while the queue is quiet and switches
   *     to parallel polls under load; {@code FIXED_HIGH_THROUGHPUT} always polls in parallel
   * @param retryInitialVisibility after a failed attempt (a transient failure: poison messages are
   *     dead-lettered at once) the message becomes visible again after this long (the queue's own
   *     visibility timeout is 30 s)
   * @param retryMultiplier each further attempt waits this many times longer
   * @param retryMaxVisibility the longest wait between two attempts. With the defaults (5 s × 2, at
   *     most 120 s) and the queue's 20 receives, a valid order outlasts an outage of about 30
   *     minutes
   * @param shutdownTimeout on shutdown, how long to wait for in-flight messages to finish, and then
   *     for their acknowledgements to be sent. A long poll in flight is waited for too, so it must
   *     be longer than {@code pollTimeout}
   */
  public record Listener(
      @Min(1) @Max(100) int maxConcurrentMessages,
      @Min(1) @Max(10) int maxMessagesPerPoll,
      @NotNull Duration pollTimeout,
      @NotNull BackPressureMode backPressureMode,
      @NotNull Duration retryInitialVisibility,
      @DecimalMin("1.0") double retryMultiplier,
      @NotNull Duration retryMaxVisibility,
      @NotNull Duration shutdownTimeout) {

    /** SQS visibility timeouts are whole seconds from 0 to 12 hours; a retry needs at least one. */
    private static final long MAX_VISIBILITY_SECONDS = 43_200;

    @AssertTrue(message = "must not be greater than maxConcurrentMessages")
    public boolean isMaxMessagesPerPollWithinConcurrency() {
      return maxMessagesPerPoll <= maxConcurrentMessages;
    }

    @AssertTrue(message = "must be between 1 and 20 seconds")
    public boolean isPollTimeoutValid() {
      return pollTimeout == null || (pollTimeout.toSeconds() >= 1 && pollTimeout.toSeconds() <= 20);
    }

    @AssertTrue(message = "shutdownTimeout must be longer than pollTimeout")
    public boolean isShutdownTimeoutLongerThanPollTimeout() {
      return shutdownTimeout == null
          || pollTimeout == null
          || shutdownTimeout.compareTo(pollTimeout) > 0;
    }

    @AssertTrue(message = "retry visibilities must be 1 s..12 h, the initial not above the maximum")
    public boolean isRetryVisibilityValid() {
      return retryInitialVisibility == null
          || retryMaxVisibility == null
          || (retryInitialVisibility.toSeconds() >= 1
              && retryMaxVisibility.toSeconds() <= MAX_VISIBILITY_SECONDS
              && retryInitialVisibility.compareTo(retryMaxVisibility) <= 0);
    }
  }
}
