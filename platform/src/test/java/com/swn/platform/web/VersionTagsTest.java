package com.swn.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VersionTagsTest {

  @Test
  void quotesTheVersion() {
    assertThat(VersionTags.of(3)).isEqualTo("\"3\"");
  }

  @Test
  void readsStrongAndWeakTags() {
    assertThat(VersionTags.parse("\"7\"").matches(7)).isTrue();
    assertThat(VersionTags.parse(" W/\"7\" ").matches(7)).isTrue();
    assertThat(VersionTags.parse("\"7\"").matches(8)).isFalse();
  }

  @Test
  void aStarMatchesAnyCurrentVersion() {
    assertThat(VersionTags.parse("*").matches(1)).isTrue();
    assertThat(VersionTags.parse(" * ").matches(42)).isTrue();
  }

  @Test
  void aListMatchesIfAnyMemberMatches() {
    var list = VersionTags.parse("\"3\", W/\"5\",\"x\"");
    assertThat(list.matches(3)).isTrue();
    assertThat(list.matches(5)).isTrue();
    assertThat(list.matches(4)).isFalse();
  }

  @Test
  void aForeignTagMatchesNothingAndAMissingOneIsNull() {
    assertThat(VersionTags.parse("\"abc\"").matches(1)).isFalse();
    assertThat(VersionTags.parse(null)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "7", "\"7\" garbage", "W/7", "**"})
  void aHeaderThatIsNoTagListMatchesNothing(String header) {
    assertThat(VersionTags.parse(header).matches(7)).isFalse();
    assertThat(VersionTags.parse(header).matches(0)).isFalse();
  }
}
