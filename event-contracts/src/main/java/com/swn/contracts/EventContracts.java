package com.swn.contracts;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The published event schemas ({@code contracts/events/<EventType>.v<N>.schema.json} on the
 * classpath) and one way to check an event against them. Producers test what they emit with it;
 * consumers test what they accept, and may reject a non-conforming message at run time.
 */
public final class EventContracts {

  private static final String ID_PREFIX = "urn:swn:events:";
  private static final Pattern ID = Pattern.compile("urn:swn:events:([A-Za-z]+):v(\\d+)");
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          builder ->
              builder
                  .schemas(EventContracts::load)
                  .schemaRegistryConfig(
                      SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
  private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

  private EventContracts() {}

  /** Every way the event's detail breaks its schema; empty when it conforms. */
  public static List<String> violations(String eventType, int schemaVersion, JsonNode detail) {
    var id = ID_PREFIX + eventType + ":v" + schemaVersion;
    // Consumers call this for every message. Looking the file up on the classpath each time cost
    // the
    // ordering consumer about 14 % of its CPU (docs/performance.md), so only published schemas are
    // cached, and a miss (a name taken from a message: unbounded) is looked up again instead.
    var schema = SCHEMAS.get(id);
    if (schema == null) {
      if (load(id) == null) {
        return List.of("no published schema " + id);
      }
      schema = SCHEMAS.computeIfAbsent(id, key -> REGISTRY.getSchema(SchemaLocation.of(key)));
    }
    return schema.validate(detail).stream()
        .map(error -> error.getInstanceLocation() + ": " + error.getMessage())
        .toList();
  }

  /**
   * Checks a detail against the schema its own {@code eventType} and {@code schemaVersion} name.
   */
  public static List<String> violations(JsonNode detail) {
    var type = detail.path("eventType");
    var version = detail.path("schemaVersion");
    if (!type.isString() || !version.isInt()) {
      return List.of("not an event envelope: eventType and schemaVersion are required");
    }
    return violations(type.asString(), version.asInt(), detail);
  }

  private static @Nullable String load(String id) {
    var matcher = ID.matcher(id);
    var file =
        id.equals(ID_PREFIX + "envelope:v1")
            ? "envelope.v1"
            : matcher.matches() ? matcher.group(1) + ".v" + matcher.group(2) : null;
    if (file == null) {
      return null;
    }
    try (InputStream in =
        EventContracts.class.getResourceAsStream("/contracts/events/" + file + ".schema.json")) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
