package com.swn.e2e;

import com.swn.localaws.LocalAws;
import com.swn.testsupport.EventRecorder;
import java.util.UUID;

/**
 * A test-only subscriber: its own queue and rule on the bus, so a test can watch events without
 * taking them from the services that consume the real queues. Removed again by {@link #close()}
 * (rule first: moto fails every PutEvents whose rule targets a missing queue).
 */
final class EventTap implements AutoCloseable {

  private static final String BUS = "SwnEventBus";

  private final LocalAws aws;
  private final String name;
  private final String queueUrl;
  private final EventRecorder recorder;

  private EventTap(LocalAws aws, String name, String queueUrl) {
    this.aws = aws;
    this.name = name;
    this.queueUrl = queueUrl;
    this.recorder = new EventRecorder(aws.sqs(), queueUrl);
  }

  static EventTap open(LocalAws aws, String source) {
    var name = "e2e-tap-" + UUID.randomUUID().toString().substring(0, 8);
    var queueUrl = aws.sqs().createQueue(request -> request.queueName(name)).queueUrl();
    var queueArn =
        aws.sqs()
            .getQueueAttributes(
                request -> request.queueUrl(queueUrl).attributeNamesWithStrings("QueueArn"))
            .attributesAsStrings()
            .get("QueueArn");
    aws.eventBridge()
        .putRule(
            request ->
                request
                    .name(name)
                    .eventBusName(BUS)
                    .eventPattern("{\"source\":[\"" + source + "\"]}"));
    aws.eventBridge()
        .putTargets(
            request ->
                request
                    .rule(name)
                    .eventBusName(BUS)
                    .targets(target -> target.id(name).arn(queueArn)));
    return new EventTap(aws, name, queueUrl);
  }

  EventRecorder recorder() {
    return recorder;
  }

  @Override
  public void close() {
    aws.eventBridge().removeTargets(request -> request.rule(name).eventBusName(BUS).ids(name));
    aws.eventBridge().deleteRule(request -> request.name(name).eventBusName(BUS));
    aws.sqs().deleteQueue(request -> request.queueUrl(queueUrl));
  }
}
