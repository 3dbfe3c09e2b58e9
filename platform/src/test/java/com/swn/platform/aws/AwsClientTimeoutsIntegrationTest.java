package com.swn.platform.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.swn.localaws.LocalAws;
import com.swn.testsupport.FaultyEndpoint;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/** The customizer on a real SQS async client (the listener container's kind) against moto. */
class AwsClientTimeoutsIntegrationTest {

  private static final LocalAws AWS = LocalAws.shared();
  private static final AwsClientSettings SETTINGS =
      new AwsClientSettings(Duration.ofSeconds(1), Duration.ofSeconds(2), 3, Duration.ofSeconds(1));

  private static SqsAsyncClient sqs(java.net.URI endpoint) {
    var builder =
        SqsAsyncClient.builder()
            .endpointOverride(endpoint)
            .region(Region.of(AWS.region()))
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(AWS.accessKeyId(), AWS.secretAccessKey())));
    new AwsClientTimeouts(SETTINGS).customize(builder);
    return builder.build();
  }

  @Test
  void aLongPollMayWaitLongerThanTheCallTimeout() {
    try (var sqs = sqs(AWS.endpoint())) {
      var queueUrl =
          sqs.createQueue(request -> request.queueName("long-poll-" + System.nanoTime()))
              .join()
              .queueUrl();
      var started = System.nanoTime();

      var received =
          sqs.receiveMessage(request -> request.queueUrl(queueUrl).waitTimeSeconds(3)).join();

      assertThat(received.messages()).isEmpty();
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .isGreaterThan(SETTINGS.apiCallTimeout());
    }
  }

  @Test
  void anyOtherCallToAHungEndpointEndsWithinTheCallTimeout() {
    try (var endpoint = new FaultyEndpoint(AWS.endpoint());
        var sqs = sqs(endpoint.uri())) {
      endpoint.hang();
      var started = System.nanoTime();

      assertThatThrownBy(() -> sqs.listQueues().join())
          .hasCauseInstanceOf(ApiCallTimeoutException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
    }
  }
}
