package com.swn.infra;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * A consumer queue and the dead-letter queue it redrives to after {@code maxReceiveCount} receives.
 * Both are encrypted with SQS-managed keys (EventBridge can deliver to them; an AWS-managed KMS key
 * would refuse it), refuse non-TLS requests, and get generated names.
 */
public final class QueueWithDeadLetter extends Construct {

  /** Fourteen days, the SQS maximum: time to notice a dead letter and redrive it. */
  static final Duration DEAD_LETTER_RETENTION = Duration.days(14);

  private final Queue queue;
  private final Queue deadLetterQueue;

  /**
   * Settings of the pair; the local definitions in {@code resources.json} hold the same numbers.
   */
  public record Settings(Duration visibilityTimeout, Duration retention, int maxReceiveCount) {

    /**
     * Thirty seconds' visibility, four days' retention, five receives: the defaults of every
     * consumer.
     */
    public static Settings standard() {
      return new Settings(Duration.seconds(30), Duration.days(4), 5);
    }

    public Settings withMaxReceiveCount(int receives) {
      return new Settings(visibilityTimeout, retention, receives);
    }
  }

  public QueueWithDeadLetter(
      Construct scope, String id, Settings settings, RemovalPolicy removalPolicy) {
    super(scope, id);
    this.deadLetterQueue = deadLetter(this, "DeadLetterQueue", removalPolicy);
    this.queue =
        Queue.Builder.create(this, "Queue")
            .visibilityTimeout(settings.visibilityTimeout())
            .retentionPeriod(settings.retention())
            .encryption(QueueEncryption.SQS_MANAGED)
            .enforceSsl(true)
            .removalPolicy(removalPolicy)
            .deadLetterQueue(
                DeadLetterQueue.builder()
                    .queue(deadLetterQueue)
                    .maxReceiveCount(settings.maxReceiveCount())
                    .build())
            .build();
  }

  /**
   * A queue that only ever receives what failed elsewhere: fourteen days' retention, no redrive of
   * its own.
   */
  static Queue deadLetter(Construct scope, String id, RemovalPolicy removalPolicy) {
    return Queue.Builder.create(scope, id)
        .visibilityTimeout(Duration.seconds(30))
        .retentionPeriod(DEAD_LETTER_RETENTION)
        .encryption(QueueEncryption.SQS_MANAGED)
        .enforceSsl(true)
        .removalPolicy(removalPolicy)
        .build();
  }

  public Queue queue() {
    return queue;
  }

  public Queue deadLetterQueue() {
    return deadLetterQueue;
  }
}
