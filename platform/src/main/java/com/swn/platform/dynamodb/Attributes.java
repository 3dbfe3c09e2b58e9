package com.swn.platform.dynamodb;

import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reading an item's attributes the one way every repository does. */
public final class Attributes {

  private Attributes() {}

  /**
   * The attribute this code always writes. Missing, the item is malformed and reading it fails here
   * (a {@link NullPointerException} naming the attribute, as dereferencing the missing value did).
   */
  public static AttributeValue required(Map<String, AttributeValue> item, String name) {
    return Objects.requireNonNull(item.get(name), name);
  }
}
