package com.swn.basket.basket;

import org.jspecify.annotations.Nullable;

/** A basket's ETag is its version in quotes; weak and strong forms of If-Match are both accepted. */
final class ETags {

  private ETags() {}

  static String of(Basket basket) {
    return "\"" + basket.version() + "\"";
  }

  /** An If-Match that names no version of ours can match nothing: that is a failed precondition. */
  static @Nullable Long version(@Nullable String ifMatch, String userName) {
    if (ifMatch == null) {
      return null;
    }
    var tag = ifMatch.trim();
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    if (tag.length() > 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
      tag = tag.substring(1, tag.length() - 1);
    }
    try {
      return Long.parseLong(tag);
    } catch (NumberFormatException e) {
      throw new VersionMismatchException(userName, null);
    }
  }
}
