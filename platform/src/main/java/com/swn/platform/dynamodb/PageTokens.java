package com.swn.platform.dynamodb;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns DynamoDB's {@code LastEvaluatedKey} into the opaque {@code nextToken} clients pass back,
 * and back again. A token only decodes to the key attributes its listing expects, so a forged token
 * cannot steer a query elsewhere.
 */
public final class PageTokens {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

  private PageTokens() {}

  /** Key attributes are strings in every table this project has. */
  public static @Nullable String encode(Map<String, AttributeValue> lastEvaluatedKey) {
    if (lastEvaluatedKey == null || lastEvaluatedKey.isEmpty()) {
      return null;
    }
    var plain = new LinkedHashMap<String, String>();
    lastEvaluatedKey.forEach((name, value) -> plain.put(name, value.s()));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(plain));
  }

  public static @Nullable Map<String, AttributeValue> decode(
      @Nullable String token, Set<String> expectedAttributes) {
    if (token == null || token.isBlank()) {
      return null;
    }
    Map<String, String> plain;
    try {
      var json = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      plain = JSON.readValue(json, STRING_MAP);
    } catch (IllegalArgumentException | JacksonException e) {
      throw new InvalidPageTokenException();
    }
    if (plain == null
        || !plain.keySet().equals(expectedAttributes)
        || plain.values().stream().anyMatch(value -> value == null || value.isEmpty())) {
      throw new InvalidPageTokenException();
    }
    var key = new LinkedHashMap<String, AttributeValue>();
    plain.forEach((name, value) -> key.put(name, AttributeValue.fromS(value)));
    return key;
  }
}
