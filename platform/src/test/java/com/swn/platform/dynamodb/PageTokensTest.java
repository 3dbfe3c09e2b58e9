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
  void aPageReadsEachItemAndCarriesTheTokenOfItsLastKey() {
    var items =
        java.util.List.of(
            Map.of("id", AttributeValue.fromS("a")), Map.of("id", AttributeValue.fromS("b")));
    var last = Map.of("id", AttributeValue.fromS("b"), "category", AttributeValue.fromS("Home"));

    var page = PageTokens.page(items, last, item -> item.get("id").s());
    var mapped = page.map(String::toUpperCase);

    assertThat(page.items()).containsExactly("a", "b");
    assertThat(PageTokens.decode(page.nextToken(), KEY)).isEqualTo(last);
    assertThat(mapped.items()).containsExactly("A", "B");
    assertThat(mapped.nextToken()).isEqualTo(page.nextToken());
    assertThat(PageTokens.page(items, Map.of(), item -> item.get("id").s()).nextToken()).isNull();
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
