package com.swn.basket.basket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ETagsTest {

  @Test
  void readsStrongAndWeakETagsAndRejectsForeignOnes() {
    assertThat(ETags.version("\"7\"", "ann")).isEqualTo(7);
    assertThat(ETags.version("W/\"7\"", "ann")).isEqualTo(7);
    assertThat(ETags.version(null, "ann")).isNull();
    assertThatThrownBy(() -> ETags.version("\"abc\"", "ann")).isInstanceOf(VersionMismatchException.class);
  }
}
