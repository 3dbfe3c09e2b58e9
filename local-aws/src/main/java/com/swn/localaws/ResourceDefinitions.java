package com.swn.localaws;

import static com.swn.localaws.ResourceDefinitionsReader.require;
import static com.swn.localaws.ResourceDefinitionsReader.requireRange;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The single declarative definition of every AWS resource the system needs outside AWS. Mirrors
 * {@value #RESOURCE} one to one; {@link #load()} reads and validates it (unknown fields, missing
 * names, dangling references to queues or buses all fail with a message naming the offending
 * element).
 */
public record ResourceDefinitions(
    List<EventBus> eventBuses, List<Table> tables, List<Queue> queues, List<Rule> rules) {

  /** Class-path location of the bundled definition. */
  public static final String RESOURCE = "/local-aws/resources.json";

  public ResourceDefinitions {
    eventBuses = copy(eventBuses);
    tables = copy(tables);
    queues = copy(queues);
    rules = copy(rules);
  }

  /** Loads the bundled {@value #RESOURCE}. */
  public static ResourceDefinitions load() {
    InputStream in = ResourceDefinitions.class.getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new InvalidResourceDefinitionsException(RESOURCE + " is not on the class path");
    }
    return read(in, RESOURCE);
  }

  /**
   * Reads and validates definitions from {@code in} (closed afterwards); {@code source} names it in
   * errors.
   */
  public static ResourceDefinitions read(InputStream in, String source) {
    return ResourceDefinitionsReader.read(in, source);
  }

  public Optional<Table> table(String name) {
    return tables.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  public Optional<Queue> queue(String name) {
    return queues.stream().filter(q -> q.name().equals(name)).findFirst();
  }

  public Optional<Rule> rule(String name) {
    return rules.stream().filter(r -> r.name().equals(name)).findFirst();
  }

  private static <T> List<T> copy(@Nullable List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  /** A custom EventBridge event bus. */
  public record EventBus(String name) {
    public EventBus {
      require(name, "eventBuses[].name");
    }
  }

  /** A DynamoDB table (on-demand capacity). */
  public record Table(
      String name,
      KeyAttribute partitionKey,
      @Nullable KeyAttribute sortKey,
      List<GlobalSecondaryIndex> globalSecondaryIndexes,
      @Nullable String ttlAttribute) {
    public Table {
      require(name, "tables[].name");
      require(partitionKey, "table " + name + ": partitionKey");
      globalSecondaryIndexes = copy(globalSecondaryIndexes);
    }

    public Optional<KeyAttribute> optionalSortKey() {
      return Optional.ofNullable(sortKey);
    }

    public Optional<String> optionalTtlAttribute() {
      return Optional.ofNullable(ttlAttribute);
    }

    /**
     * The key attributes of the table and of its indexes, in declaration order (may repeat a name).
     */
    public List<KeyAttribute> keyAttributes() {
      List<KeyAttribute> keys = new ArrayList<>();
      keys.add(partitionKey);
      optionalSortKey().ifPresent(keys::add);
      for (GlobalSecondaryIndex index : globalSecondaryIndexes) {
        keys.add(index.partitionKey());
        index.optionalSortKey().ifPresent(keys::add);
      }
      return keys;
    }
  }

  /** A key attribute; {@code type} is a DynamoDB scalar type: {@code S}, {@code N} or {@code B}. */
  public record KeyAttribute(String name, String type) {
    public KeyAttribute {
      require(name, "key attribute name");
      require(type, "key attribute " + name + ": type");
      if (!List.of("S", "N", "B").contains(type)) {
        throw new InvalidResourceDefinitionsException(
            "key attribute " + name + ": type must be S, N or B, was '" + type + "'");
      }
    }
  }

  /** A global secondary index; {@code projection} is {@code ALL} or {@code KEYS_ONLY}. */
  public record GlobalSecondaryIndex(
      String name, KeyAttribute partitionKey, @Nullable KeyAttribute sortKey, String projection) {
    public GlobalSecondaryIndex {
      require(name, "globalSecondaryIndexes[].name");
      require(partitionKey, "index " + name + ": partitionKey");
      require(projection, "index " + name + ": projection");
      if (!List.of("ALL", "KEYS_ONLY").contains(projection)) {
        throw new InvalidResourceDefinitionsException(
            "index " + name + ": projection must be ALL or KEYS_ONLY, was '" + projection + "'");
      }
    }

    public Optional<KeyAttribute> optionalSortKey() {
      return Optional.ofNullable(sortKey);
    }
  }

  /** A standard SQS queue, optionally redriving to a dead-letter queue defined in the same file. */
  public record Queue(
      String name,
      @JsonProperty(required = true) int visibilityTimeoutSeconds,
      @JsonProperty(required = true) int messageRetentionSeconds,
      @Nullable DeadLetter deadLetter) {
    public Queue {
      require(name, "queues[].name");
      requireRange(
          visibilityTimeoutSeconds, 0, 43_200, "queue " + name + ": visibilityTimeoutSeconds");
      requireRange(
          messageRetentionSeconds, 60, 1_209_600, "queue " + name + ": messageRetentionSeconds");
    }

    public Optional<DeadLetter> optionalDeadLetter() {
      return Optional.ofNullable(deadLetter);
    }
  }

  /**
   * The redrive of a queue: after {@code maxReceiveCount} receives a message moves to queue {@code
   * name}.
   */
  public record DeadLetter(String name, @JsonProperty(required = true) int maxReceiveCount) {
    public DeadLetter {
      require(name, "deadLetter.name");
      requireRange(maxReceiveCount, 1, 1000, "deadLetter " + name + ": maxReceiveCount");
    }
  }

  /** An EventBridge rule on {@code eventBus}; {@code eventPattern} is the JSON pattern object. */
  public record Rule(
      String name,
      String eventBus,
      String description,
      JsonNode eventPattern,
      List<Target> targets) {
    public Rule {
      require(name, "rules[].name");
      require(eventBus, "rule " + name + ": eventBus");
      description = Objects.requireNonNullElse(description, "");
      require(eventPattern, "rule " + name + ": eventPattern");
      if (!eventPattern.isObject() || eventPattern.isEmpty()) {
        throw new InvalidResourceDefinitionsException(
            "rule " + name + ": eventPattern must be a non-empty JSON object");
      }
      eventPattern = eventPattern.deepCopy();
      targets = copy(targets);
    }

    /** A copy of the pattern (JSON nodes are mutable). */
    @Override
    public JsonNode eventPattern() {
      return eventPattern.deepCopy();
    }

    /** The pattern as the compact JSON string that {@code PutRule} takes. */
    public String eventPatternJson() {
      return eventPattern.toString();
    }
  }

  /** An SQS target of a rule, with its own dead-letter queue and retry policy. */
  public record Target(
      String id,
      String queue,
      @Nullable String deadLetterQueue,
      @JsonProperty(required = true) int maximumRetryAttempts,
      @JsonProperty(required = true) int maximumEventAgeSeconds) {
    public Target {
      require(id, "targets[].id");
      require(queue, "target " + id + ": queue");
      requireRange(maximumRetryAttempts, 0, 185, "target " + id + ": maximumRetryAttempts");
      requireRange(maximumEventAgeSeconds, 60, 86_400, "target " + id + ": maximumEventAgeSeconds");
    }

    public Optional<String> optionalDeadLetterQueue() {
      return Optional.ofNullable(deadLetterQueue);
    }
  }
}
