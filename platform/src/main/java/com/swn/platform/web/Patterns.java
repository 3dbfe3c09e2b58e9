package com.swn.platform.web;

/**
 * Regular expressions that are valid, and mean the same, in Java, in ECMA-262 (what an OpenAPI
 * document's {@code pattern} is) and in Python (what Schemathesis generates from). So a value the
 * document allows is one the service accepts, and the other way round.
 */
public final class Patterns {

  /**
   * Not blank as Bean Validation's {@code @NotBlank} means it: at least one character above U+0020
   * ({@link String#trim()} strips the rest).
   */
  public static final String NON_BLANK = "^[\\s\\S]*[^\\u0000-\\u0020][\\s\\S]*$";

  /**
   * A page token as {@code PageTokens} makes them: unpadded base64url, well under the URL limit.
   */
  public static final String PAGE_TOKEN = "^[A-Za-z0-9_-]{1,2048}$";

  private Patterns() {}
}
