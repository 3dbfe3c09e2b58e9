package com.swn.platform.aws;

import io.awspring.cloud.autoconfigure.AwsAsyncClientCustomizer;
import io.awspring.cloud.autoconfigure.AwsSyncClientCustomizer;
import java.time.Duration;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.client.builder.AwsAsyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The one place that bounds every AWS client: Spring Cloud AWS applies it to the clients it builds
 * (DynamoDB, the SQS async client of the listener container), and the platform to its EventBridge
 * client. It adds to whatever override configuration the client already has (Spring Cloud AWS sets
 * its user agent there).
 */
public final class AwsClientTimeouts implements AwsSyncClientCustomizer, AwsAsyncClientCustomizer {

  private final AwsClientSettings settings;

  public AwsClientTimeouts(AwsClientSettings settings) {
    this.settings = settings;
  }

  @Override
  public void customize(AwsSyncClientBuilder<?, ?> builder) {
    apply((AwsClientBuilder<?, ?>) builder);
  }

  @Override
  public void customize(AwsAsyncClientBuilder<?, ?> builder) {
    apply((AwsClientBuilder<?, ?>) builder);
  }

  private void apply(AwsClientBuilder<?, ?> builder) {
    ClientOverrideConfiguration current = builder.overrideConfiguration();
    builder.overrideConfiguration(
        current.toBuilder()
            .apiCallAttemptTimeout(settings.apiCallAttemptTimeout())
            .apiCallTimeout(settings.apiCallTimeout())
            .retryStrategy(
                AwsRetryStrategy.standardRetryStrategy().toBuilder()
                    .maxAttempts(settings.maxAttempts())
                    .build())
            .addExecutionInterceptor(new LongPollAllowance(settings))
            .build());
  }

  /**
   * An SQS receive with {@code WaitTimeSeconds} is meant to wait that long for messages (the
   * listener container long-polls up to its poll timeout): it gets the wait on top of both
   * timeouts, so an idle queue is not mistaken for a hung one. Read by field name, so the platform
   * needs no SQS dependency.
   */
  static final class LongPollAllowance implements ExecutionInterceptor {

    private final AwsClientSettings settings;

    LongPollAllowance(AwsClientSettings settings) {
      this.settings = settings;
    }

    @Override
    public SdkRequest modifyRequest(
        Context.ModifyRequest context, ExecutionAttributes executionAttributes) {
      SdkRequest request = context.request();
      int waitSeconds = request.getValueForField("WaitTimeSeconds", Integer.class).orElse(0);
      if (waitSeconds <= 0 || !(request instanceof AwsRequest awsRequest)) {
        return request;
      }
      Duration wait = Duration.ofSeconds(waitSeconds);
      AwsRequestOverrideConfiguration override =
          awsRequest
              .overrideConfiguration()
              .map(AwsRequestOverrideConfiguration::toBuilder)
              .orElseGet(AwsRequestOverrideConfiguration::builder)
              .apiCallAttemptTimeout(settings.apiCallAttemptTimeout().plus(wait))
              .apiCallTimeout(settings.apiCallTimeout().plus(wait))
              .build();
      return awsRequest.toBuilder().overrideConfiguration(override).build();
    }
  }
}
