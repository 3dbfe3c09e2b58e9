package com.swn.infra;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.targets.SqsQueue;
import software.amazon.awscdk.services.events.targets.SqsQueueProps;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/**
 * A rule on the shared bus that delivers matching events to a consumer's queue, retrying for a day
 * and then parking the event in the bus's target dead-letter queue. Lives in the consumer's stack.
 */
final class ConsumerRule {

  /**
   * EventBridge's maximum: retries are free, and a consumer queue is rarely unavailable for long.
   */
  static final int RETRY_ATTEMPTS = 185;

  static final Duration MAX_EVENT_AGE = Duration.hours(24);

  private ConsumerRule() {}

  static Rule create(
      Construct scope,
      String id,
      SharedStack shared,
      String description,
      EventPattern pattern,
      IQueue queue) {
    Rule rule =
        Rule.Builder.create(scope, id)
            .eventBus(shared.eventBus())
            .description(description)
            .eventPattern(pattern)
            .build();
    // Referenced by ARN: the shared stack's queue policy already admits every rule of the bus, and
    // a
    // policy statement naming this rule would make the shared stack depend on this one.
    IQueue deadLetterQueue =
        Queue.fromQueueArn(
            scope, id + "DeadLetterQueue", shared.eventTargetDeadLetterQueue().getQueueArn());
    rule.addTarget(
        new SqsQueue(
            queue,
            SqsQueueProps.builder()
                .deadLetterQueue(deadLetterQueue)
                .retryAttempts(RETRY_ATTEMPTS)
                .maxEventAge(MAX_EVENT_AGE)
                .build()));
    return rule;
  }
}
