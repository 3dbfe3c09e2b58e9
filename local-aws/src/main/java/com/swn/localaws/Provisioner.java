package com.swn.localaws;

import com.swn.localaws.ProvisioningSummary.ProvisionedResource;
import com.swn.localaws.ResourceDefinitions.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Creates the resources of a {@link ResourceDefinitions} that do not exist yet: event buses, tables
 * (waited for until ACTIVE, TTL enabled), queues (dead-letter queues first), rules and their SQS
 * targets, and the queue policies that let EventBridge deliver.
 *
 * <p>Idempotent, and safe to run from two processes at once: every step is create-if-absent that
 * treats "already exists" as success, or an upsert. Every ARN and queue URL is read from an API
 * response, never formatted, so the same code works on moto (account 123456789012), LocalStack and
 * Floci (000000000000) and real AWS. In AWS itself CDK owns the resources and this is not run.
 */
public final class Provisioner {

  private final DynamoDbClient dynamoDb;
  private final SqsClient sqs;
  private final EventBridgeClient eventBridge;

  public Provisioner(DynamoDbClient dynamoDb, SqsClient sqs, EventBridgeClient eventBridge) {
    this.dynamoDb = dynamoDb;
    this.sqs = sqs;
    this.eventBridge = eventBridge;
  }

  /**
   * Provisions everything in {@code definitions}; returns one entry per resource, in provisioning
   * order.
   */
  public ProvisioningSummary provision(ResourceDefinitions definitions) {
    List<ProvisionedResource> done = new ArrayList<>();
    EventProvisioner events = new EventProvisioner(eventBridge);
    definitions.eventBuses().forEach(bus -> done.add(events.provision(bus)));
    TableProvisioner tables = new TableProvisioner(dynamoDb);
    definitions.tables().forEach(table -> done.add(tables.provision(table)));

    Map<String, ProvisionedResource> queues = new LinkedHashMap<>();
    new QueueProvisioner(sqs).provision(definitions.queues()).forEach(q -> queues.put(q.name(), q));
    done.addAll(queues.values());

    Map<String, String> queueArns = new LinkedHashMap<>();
    queues.forEach((name, queue) -> queueArns.put(name, queue.arn()));
    Map<String, String> ruleArns = new LinkedHashMap<>();
    for (Rule rule : definitions.rules()) {
      ProvisionedResource provisioned = events.provision(rule, queueArns);
      ruleArns.put(rule.name(), provisioned.arn());
      done.add(provisioned);
    }
    new QueuePolicies(sqs).apply(definitions.rules(), ruleArns, queues);
    return new ProvisioningSummary(done);
  }
}
