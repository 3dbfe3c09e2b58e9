package com.swn.platform.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class PageTokensTest {

  private static final Set<String> KEY = Set.of("id", "category");

  @Test
  void roundTripsALastEvaluatedKey() {
    var key = Map.of("id", AttributeValue.fromS("42"), "category", AttributeValue.fromS("Home"));

    assertThat(PageTokens.decode(PageTokens.encode(key), KEY)).isEqualTo(key);
  }

  @Test
  void hasNoTokenAfterTheLastPage() {
    assertThat(PageTokens.encode(Map.of())).isNull();
    assertThat(PageTokens.decode(null, KEY)).isNull();
  }

  @Test
  void rejectsGarbageAndTokensForAnotherListing() {
    var otherListing =
        Base64.getUrlEncoder()
            .encodeToString("{\"userName\":\"x\"}".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> PageTokens.decode("%%%", KEY))
        .isInstanceOf(InvalidPageTokenException.class);
    assertThatThrownBy(() -> PageTokens.decode("bm90LWpzb24", KEY))
        .isInstanceOf(InvalidPageTokenException.class);
    assertThatThrownBy(() -> PageTokens.decode(otherListing, KEY))
        .isInstanceOf(InvalidPageTokenException.class);
  }
}
