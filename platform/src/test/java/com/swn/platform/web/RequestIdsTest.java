package com.swn.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestIdsTest {

  @Test
  void keepsAPlainCallerId() {
    assertThat(RequestIds.acceptOrGenerate("abc-123_x.y")).isEqualTo("abc-123_x.y");
  }

  @Test
  void replacesMissingOrUnsafeIds() {
    assertThat(RequestIds.acceptOrGenerate(null)).hasSize(36);
    assertThat(RequestIds.acceptOrGenerate("bad id\nforged log line"))
        .hasSize(36)
        .doesNotContain(" ");
    assertThat(RequestIds.acceptOrGenerate("x".repeat(129))).hasSize(36);
  }
}
