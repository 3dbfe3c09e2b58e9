package com.swn.localaws;

import com.swn.localaws.ProvisioningSummary.Kind;
import com.swn.localaws.ProvisioningSummary.Outcome;
import com.swn.localaws.ProvisioningSummary.ProvisionedResource;
import com.swn.localaws.ResourceDefinitions.DeadLetter;
import com.swn.localaws.ResourceDefinitions.Queue;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.QueueNameExistsException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Create-if-absent for SQS queues, dead-letter queues first. The redrive policy names the DLQ by
 * the ARN that {@code GetQueueAttributes} reports, so the same code works for every account id and
 * partition.
 */
final class QueueProvisioner {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final SqsClient sqs;
  private final Map<String, ProvisionedResource> done = new HashMap<>();

  QueueProvisioner(SqsClient sqs) {
    this.sqs = sqs;
  }

  /** Provisions all queues, each dead-letter queue before the queues that redrive to it. */
  List<ProvisionedResource> provision(List<Queue> queues) {
    Map<String, Queue> byName = new LinkedHashMap<>();
    queues.forEach(q -> byName.put(q.name(), q));
    Map<String, ProvisionedResource> ordered = new LinkedHashMap<>();
    for (Queue queue : queues) {
      queue
          .optionalDeadLetter()
          .ifPresent(dl -> ordered.computeIfAbsent(dl.name(), n -> provision(byName.get(n))));
      ordered.computeIfAbsent(queue.name(), n -> provision(queue));
    }
    return List.copyOf(ordered.values());
  }

  private ProvisionedResource provision(Queue queue) {
    Map<QueueAttributeName, String> attributes = attributes(queue);
    Optional<String> existing = queueUrl(queue.name());
    String url;
    Outcome outcome;
    if (existing.isPresent()) {
      url = existing.get();
      outcome = Outcome.EXISTED;
      sqs.setQueueAttributes(r -> r.queueUrl(url).attributes(attributes));
    } else {
      url = create(queue.name(), attributes);
      outcome = Outcome.CREATED;
    }
    ProvisionedResource result =
        new ProvisionedResource(Kind.QUEUE, queue.name(), outcome, arn(url), url);
    done.put(queue.name(), result);
    return result;
  }

  private String create(String name, Map<QueueAttributeName, String> attributes) {
    try {
      return sqs.createQueue(r -> r.queueName(name).attributes(attributes)).queueUrl();
    } catch (QueueNameExistsException concurrentlyCreatedWithOtherAttributes) {
      String url = sqs.getQueueUrl(r -> r.queueName(name)).queueUrl();
      sqs.setQueueAttributes(r -> r.queueUrl(url).attributes(attributes));
      return url;
    }
  }

  private Optional<String> queueUrl(String name) {
    try {
      return Optional.of(sqs.getQueueUrl(r -> r.queueName(name)).queueUrl());
    } catch (QueueDoesNotExistException e) {
      return Optional.empty();
    }
  }

  private String arn(String queueUrl) {
    return sqs.getQueueAttributes(
            r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes()
        .get(QueueAttributeName.QUEUE_ARN);
  }

  private Map<QueueAttributeName, String> attributes(Queue queue) {
    Map<QueueAttributeName, String> attributes = new HashMap<>();
    attributes.put(
        QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(queue.visibilityTimeoutSeconds()));
    attributes.put(
        QueueAttributeName.MESSAGE_RETENTION_PERIOD,
        Integer.toString(queue.messageRetentionSeconds()));
    queue
        .optionalDeadLetter()
        .ifPresent(dl -> attributes.put(QueueAttributeName.REDRIVE_POLICY, redrivePolicy(dl)));
    return attributes;
  }

  private String redrivePolicy(DeadLetter deadLetter) {
    ProvisionedResource dlq = done.get(deadLetter.name());
    if (dlq == null) {
      throw new IllegalStateException(
          "dead-letter queue " + deadLetter.name() + " must be provisioned first");
    }
    ObjectNode policy = JSON.createObjectNode();
    policy.put("deadLetterTargetArn", dlq.arn());
    policy.put("maxReceiveCount", deadLetter.maxReceiveCount());
    return JSON.writeValueAsString(policy);
  }
}
