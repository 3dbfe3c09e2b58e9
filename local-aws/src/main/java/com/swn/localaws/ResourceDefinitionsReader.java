package com.swn.localaws;

import com.swn.localaws.ResourceDefinitions.KeyAttribute;
import com.swn.localaws.ResourceDefinitions.Queue;
import com.swn.localaws.ResourceDefinitions.Rule;
import com.swn.localaws.ResourceDefinitions.Table;
import com.swn.localaws.ResourceDefinitions.Target;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Parses {@code resources.json} strictly and checks every cross-reference in it. */
final class ResourceDefinitionsReader {

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private ResourceDefinitionsReader() {}

  static ResourceDefinitions read(InputStream in, String source) {
    ResourceDefinitions definitions;
    try (in) {
      definitions = MAPPER.readValue(in, ResourceDefinitions.class);
    } catch (JacksonException e) {
      throw new InvalidResourceDefinitionsException(source + ": " + describe(e), e);
    } catch (IOException e) {
      throw new InvalidResourceDefinitionsException(source + ": cannot read: " + e.getMessage(), e);
    }
    List<String> problems = crossReferenceProblems(definitions);
    if (!problems.isEmpty()) {
      throw new InvalidResourceDefinitionsException(source + ": " + String.join("; ", problems));
    }
    return definitions;
  }

  static void require(@Nullable Object value, String what) {
    if (value == null || value instanceof String s && s.isBlank()) {
      throw new InvalidResourceDefinitionsException(what + " is required");
    }
  }

  static void requireRange(int value, int min, int max, String what) {
    if (value < min || value > max) {
      throw new InvalidResourceDefinitionsException(
          what + " must be between " + min + " and " + max + ", was " + value);
    }
  }

  /**
   * Our own validation message if a constructor rejected the input, else Jackson's, with the JSON
   * path.
   */
  private static String describe(JacksonException e) {
    Throwable cause = e.getCause();
    String message =
        cause instanceof InvalidResourceDefinitionsException invalid
            ? invalid.getMessage()
            : e.getOriginalMessage();
    return message + " (at " + jsonPath(e) + ")";
  }

  private static String jsonPath(JacksonException e) {
    StringBuilder path = new StringBuilder("$");
    for (JacksonException.Reference reference : e.getPath()) {
      if (reference.getPropertyName() != null) {
        path.append('.').append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    TokenStreamLocation location = e.getLocation();
    return location == null || location.getLineNr() < 0
        ? path.toString()
        : path + ", line " + location.getLineNr();
  }

  private static List<String> crossReferenceProblems(ResourceDefinitions definitions) {
    List<String> problems = new ArrayList<>();
    duplicates(definitions.eventBuses(), ResourceDefinitions.EventBus::name, "event bus", problems);
    duplicates(definitions.tables(), ResourceDefinitions.Table::name, "table", problems);
    duplicates(definitions.queues(), Queue::name, "queue", problems);
    duplicates(definitions.rules(), Rule::name, "rule", problems);
    definitions.tables().forEach(table -> checkKeyTypes(table, problems));
    Map<String, Queue> queues =
        definitions.queues().stream().collect(Collectors.toMap(Queue::name, q -> q, (a, b) -> a));
    for (Queue queue : definitions.queues()) {
      queue
          .optionalDeadLetter()
          .ifPresent(dl -> checkDeadLetter(queue, dl.name(), queues, problems));
    }
    Set<String> buses = new HashSet<>(Set.of("default"));
    definitions.eventBuses().forEach(bus -> buses.add(bus.name()));
    for (Rule rule : definitions.rules()) {
      if (!buses.contains(rule.eventBus())) {
        problems.add("rule " + rule.name() + " is on undefined event bus " + rule.eventBus());
      }
      duplicates(rule.targets(), Target::id, "target id in rule " + rule.name() + ":", problems);
      for (Target target : rule.targets()) {
        checkTarget(rule, target, queues, problems);
      }
    }
    return problems;
  }

  private static void checkKeyTypes(Table table, List<String> problems) {
    Map<String, String> types = new HashMap<>();
    for (KeyAttribute key : table.keyAttributes()) {
      String previous = types.putIfAbsent(key.name(), key.type());
      if (previous != null && !previous.equals(key.type())) {
        problems.add(
            "table "
                + table.name()
                + ": attribute "
                + key.name()
                + " has types "
                + previous
                + " and "
                + key.type());
      }
    }
  }

  private static void checkDeadLetter(
      Queue queue, String deadLetter, Map<String, Queue> queues, List<String> problems) {
    Queue dlq = queues.get(deadLetter);
    if (dlq == null) {
      problems.add("queue " + queue.name() + " has undefined dead-letter queue " + deadLetter);
    } else if (dlq.deadLetter() != null || dlq.name().equals(queue.name())) {
      problems.add(
          "dead-letter queue " + deadLetter + " of " + queue.name() + " must not redrive itself");
    }
  }

  private static void checkTarget(
      Rule rule, Target target, Map<String, Queue> queues, List<String> problems) {
    String where = "rule " + rule.name() + " target " + target.id();
    if (!queues.containsKey(target.queue())) {
      problems.add(where + " names undefined queue " + target.queue());
    }
    String dlq = target.deadLetterQueue();
    if (dlq != null && !queues.containsKey(dlq)) {
      problems.add(where + " names undefined dead-letter queue " + dlq);
    }
  }

  private static <T> void duplicates(
      List<T> items, Function<T, String> name, String kind, List<String> problems) {
    Set<String> seen = new HashSet<>();
    items.stream()
        .map(name)
        .filter(n -> !seen.add(n))
        .distinct()
        .forEach(n -> problems.add("duplicate " + kind + " " + n));
  }
}
