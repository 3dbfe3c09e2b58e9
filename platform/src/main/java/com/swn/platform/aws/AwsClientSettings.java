package com.swn.platform.aws;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds of every AWS call a service makes (DynamoDB, SQS, EventBridge). Without them the SDK waits
 * up to 30 s per attempt on a connection that never answers, and retries that, so a hung endpoint
 * holds a request thread for minutes. Environment: {@code PLATFORM_AWS_APICALLATTEMPTTIMEOUT},
 * {@code PLATFORM_AWS_APICALLTIMEOUT}, {@code PLATFORM_AWS_MAXATTEMPTS}, {@code
 * PLATFORM_AWS_READINESSTIMEOUT}. The defaults leave room for an emulator on a busy laptop — five
 * JVMs starting at once on two cores made moto take over 3 s per attempt — where an attempt of a
 * few hundred milliseconds is already slow for AWS: set tighter bounds there. Readiness stays below
 * the load balancer's 5 s health-check timeout.
 *
 * @param apiCallAttemptTimeout the longest one HTTP attempt may take (an SQS long poll gets its
 *     wait time on top)
 * @param apiCallTimeout the longest one call may take, all attempts and back-off included
 * @param maxAttempts attempts per call in the SDK's standard retry mode (first try included)
 * @param readinessTimeout the longest the readiness probe waits for DynamoDB before reporting DOWN
 */
@Validated
@ConfigurationProperties("platform.aws")
public record AwsClientSettings(
    @NotNull @DefaultValue("5s") Duration apiCallAttemptTimeout,
    @NotNull @DefaultValue("10s") Duration apiCallTimeout,
    @Min(1) @Max(10) @DefaultValue("3") int maxAttempts,
    @NotNull @DefaultValue("3s") Duration readinessTimeout) {

  public AwsClientSettings {
    if (apiCallAttemptTimeout.compareTo(apiCallTimeout) > 0) {
      throw new IllegalArgumentException(
          "platform.aws.api-call-attempt-timeout ("
              + apiCallAttemptTimeout
              + ") must not exceed platform.aws.api-call-timeout ("
              + apiCallTimeout
              + ")");
    }
  }
}
