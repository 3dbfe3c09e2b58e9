package com.swn.localaws;

import com.swn.localaws.ResourceDefinitions.DeadLetter;
import com.swn.localaws.ResourceDefinitions.EventBus;
import com.swn.localaws.ResourceDefinitions.Queue;
import com.swn.localaws.ResourceDefinitions.Rule;
import com.swn.localaws.ResourceDefinitions.Table;
import com.swn.localaws.ResourceDefinitions.Target;

/** Test helper: the same definitions with every name, and every reference to a name, prefixed. */
final class PrefixedDefinitions {

  private PrefixedDefinitions() {}

  static ResourceDefinitions of(ResourceDefinitions definitions, String prefix) {
    return new ResourceDefinitions(
        definitions.eventBuses().stream().map(bus -> new EventBus(prefix + bus.name())).toList(),
        definitions.tables().stream().map(table -> table(table, prefix)).toList(),
        definitions.queues().stream().map(queue -> queue(queue, prefix)).toList(),
        definitions.rules().stream().map(rule -> rule(rule, prefix)).toList());
  }

  private static Table table(Table table, String prefix) {
    return new Table(
        prefix + table.name(),
        table.partitionKey(),
        table.sortKey(),
        table.globalSecondaryIndexes(),
        table.ttlAttribute());
  }

  private static Queue queue(Queue queue, String prefix) {
    DeadLetter deadLetter =
        queue
            .optionalDeadLetter()
            .map(dl -> new DeadLetter(prefix + dl.name(), dl.maxReceiveCount()))
            .orElse(null);
    return new Queue(
        prefix + queue.name(),
        queue.visibilityTimeoutSeconds(),
        queue.messageRetentionSeconds(),
        deadLetter);
  }

  private static Rule rule(Rule rule, String prefix) {
    return new Rule(
        prefix + rule.name(),
        prefix + rule.eventBus(),
        rule.description(),
        rule.eventPattern(),
        rule.targets().stream().map(target -> target(target, prefix)).toList());
  }

  private static Target target(Target target, String prefix) {
    String deadLetterQueue = target.optionalDeadLetterQueue().map(dlq -> prefix + dlq).orElse(null);
    return new Target(
        target.id(),
        prefix + target.queue(),
        deadLetterQueue,
        target.maximumRetryAttempts(),
        target.maximumEventAgeSeconds());
  }
}
