package com.swn.localaws;

import com.swn.localaws.ProvisioningSummary.Kind;
import com.swn.localaws.ProvisioningSummary.Outcome;
import com.swn.localaws.ProvisioningSummary.ProvisionedResource;
import com.swn.localaws.ResourceDefinitions.EventBus;
import com.swn.localaws.ResourceDefinitions.Rule;
import com.swn.localaws.ResourceDefinitions.Target;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsResponse;
import software.amazon.awssdk.services.eventbridge.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.eventbridge.model.RuleState;

/**
 * Create-if-absent for event buses; upsert for rules and their SQS targets (ARNs as read from the
 * APIs).
 */
final class EventProvisioner {

  private final EventBridgeClient eventBridge;

  EventProvisioner(EventBridgeClient eventBridge) {
    this.eventBridge = eventBridge;
  }

  ProvisionedResource provision(EventBus bus) {
    try {
      String arn = eventBridge.createEventBus(r -> r.name(bus.name())).eventBusArn();
      return new ProvisionedResource(Kind.EVENT_BUS, bus.name(), Outcome.CREATED, arn, "");
    } catch (ResourceAlreadyExistsException e) {
      String arn = eventBridge.describeEventBus(r -> r.name(bus.name())).arn();
      return new ProvisionedResource(Kind.EVENT_BUS, bus.name(), Outcome.EXISTED, arn, "");
    }
  }

  /**
   * Puts the rule and its targets; {@code queueArns} maps queue names to the ARNs the SQS API
   * reported.
   */
  ProvisionedResource provision(Rule rule, Map<String, String> queueArns) {
    String ruleArn =
        eventBridge
            .putRule(
                r ->
                    r.name(rule.name())
                        .eventBusName(rule.eventBus())
                        .description(rule.description())
                        .eventPattern(rule.eventPatternJson())
                        .state(RuleState.ENABLED))
            .ruleArn();
    if (!rule.targets().isEmpty()) {
      List<software.amazon.awssdk.services.eventbridge.model.Target> targets =
          rule.targets().stream().map(t -> target(t, queueArns)).toList();
      PutTargetsResponse response =
          eventBridge.putTargets(
              r -> r.rule(rule.name()).eventBusName(rule.eventBus()).targets(targets));
      if (response.failedEntryCount() > 0) {
        throw new IllegalStateException(
            "PutTargets for rule " + rule.name() + " failed: " + response.failedEntries());
      }
    }
    return new ProvisionedResource(Kind.RULE, rule.name(), Outcome.APPLIED, ruleArn, "");
  }

  private static software.amazon.awssdk.services.eventbridge.model.Target target(
      Target target, Map<String, String> queueArns) {
    var builder =
        software.amazon.awssdk.services.eventbridge.model.Target.builder()
            .id(target.id())
            .arn(arnOf(target.queue(), queueArns))
            .retryPolicy(
                r ->
                    r.maximumRetryAttempts(target.maximumRetryAttempts())
                        .maximumEventAgeInSeconds(target.maximumEventAgeSeconds()));
    target
        .optionalDeadLetterQueue()
        .ifPresent(dlq -> builder.deadLetterConfig(d -> d.arn(arnOf(dlq, queueArns))));
    return builder.build();
  }

  private static String arnOf(String queue, Map<String, String> queueArns) {
    String arn = queueArns.get(queue);
    if (arn == null) {
      throw new IllegalStateException("queue " + queue + " was not provisioned");
    }
    return arn;
  }
}
