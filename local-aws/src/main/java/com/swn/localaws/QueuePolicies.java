package com.swn.localaws;

import com.swn.localaws.ProvisioningSummary.ProvisionedResource;
import com.swn.localaws.ResourceDefinitions.Rule;
import com.swn.localaws.ResourceDefinitions.Target;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Queue policies that let EventBridge deliver to rule targets and to their dead-letter queues, one
 * statement per rule, scoped with {@code aws:SourceArn}. Emulators ignore them; real SQS needs
 * them.
 */
final class QueuePolicies {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final SqsClient sqs;

  QueuePolicies(SqsClient sqs) {
    this.sqs = sqs;
  }

  /**
   * @param rules the rules whose targets deliver to queues
   * @param ruleArns rule name to rule ARN, as {@code PutRule} returned them
   * @param queues queue name to the provisioned queue (URL and ARN as SQS returned them)
   */
  void apply(
      List<Rule> rules, Map<String, String> ruleArns, Map<String, ProvisionedResource> queues) {
    Map<String, ArrayNode> statementsByQueue = new LinkedHashMap<>();
    for (Rule rule : rules) {
      for (Target target : rule.targets()) {
        allow(statementsByQueue, queues.get(target.queue()), rule, ruleArns.get(rule.name()));
        target
            .optionalDeadLetterQueue()
            .ifPresent(
                dlq -> allow(statementsByQueue, queues.get(dlq), rule, ruleArns.get(rule.name())));
      }
    }
    statementsByQueue.forEach(
        (queue, statements) -> {
          ObjectNode policy = JSON.createObjectNode().put("Version", "2012-10-17");
          policy.set("Statement", statements);
          String url = queues.get(queue).url();
          Map<QueueAttributeName, String> attributes =
              Map.of(QueueAttributeName.POLICY, JSON.writeValueAsString(policy));
          sqs.setQueueAttributes(r -> r.queueUrl(url).attributes(attributes));
        });
  }

  private static void allow(
      Map<String, ArrayNode> statementsByQueue,
      ProvisionedResource queue,
      Rule rule,
      String ruleArn) {
    ArrayNode statements =
        statementsByQueue.computeIfAbsent(queue.name(), q -> JSON.createArrayNode());
    String sid = "EventBridge" + rule.name().replaceAll("[^A-Za-z0-9]", "");
    for (var existing : statements) {
      if (existing.get("Sid").asString().equals(sid)) {
        return; // a rule whose target and target DLQ are the same queue
      }
    }
    ObjectNode statement = statements.addObject().put("Sid", sid).put("Effect", "Allow");
    statement.putObject("Principal").put("Service", "events.amazonaws.com");
    statement.put("Action", "sqs:SendMessage").put("Resource", queue.arn());
    statement.putObject("Condition").putObject("ArnEquals").put("aws:SourceArn", ruleArn);
  }
}
