package com.swn.localaws;

import java.time.Duration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Waits until an AWS endpoint answers an API call (any service error counts as an answer). */
final class EndpointProbe {

  private EndpointProbe() {}

  static void awaitAnswer(DynamoDbClient dynamoDb, Duration timeout, String endpoint) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        dynamoDb.listTables(r -> r.limit(1));
        return;
      } catch (SdkClientException notAnswering) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              endpoint
                  + " did not answer within "
                  + timeout.toSeconds()
                  + " s: "
                  + notAnswering.getMessage(),
              notAnswering);
        }
        Pause.briefly(Duration.ofMillis(500));
      }
    }
  }
}
