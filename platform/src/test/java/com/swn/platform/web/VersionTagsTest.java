package com.swn.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VersionTagsTest {

  @Test
  void quotesTheVersion() {
    assertThat(VersionTags.of(3)).isEqualTo("\"3\"");
  }

  @Test
  void readsStrongAndWeakTags() {
    assertThat(VersionTags.parse("\"7\"")).isEqualTo(7);
    assertThat(VersionTags.parse(" W/\"7\" ")).isEqualTo(7);
  }

  @Test
  void aForeignTagNamesNoVersionAndAMissingOneIsNull() {
    assertThat(VersionTags.parse("\"abc\"")).isEqualTo(VersionTags.NO_VERSION);
    assertThat(VersionTags.parse("*")).isEqualTo(VersionTags.NO_VERSION);
    assertThat(VersionTags.parse(null)).isNull();
  }
}
