package com.swn.localaws;

import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** Test helper: find (and delete) the message carrying a marker, leaving other messages visible. */
final class Queues {

  private Queues() {}

  static Optional<Message> receiveContaining(
      SqsClient sqs, String queueUrl, String marker, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    do {
      var received =
          sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1));
      for (Message message : received.messages()) {
        if (message.body().contains(marker)) {
          sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
          return Optional.of(message);
        }
        sqs.changeMessageVisibility(
            r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle()).visibilityTimeout(0));
      }
    } while (System.nanoTime() < deadline);
    return Optional.empty();
  }
}
