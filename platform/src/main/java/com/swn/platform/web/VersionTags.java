package com.swn.platform.web;

import org.jspecify.annotations.Nullable;

/**
 * Entity tags for versioned resources: the tag is the version in quotes. Clients send it back in
 * {@code If-Match}; weak and strong forms are both accepted.
 */
public final class VersionTags {

  /** Versions start at 1, so a tag that names no number can never match. */
  public static final long NO_VERSION = 0;

  private VersionTags() {}

  public static String of(long version) {
    return "\"" + version + "\"";
  }

  /** The version an {@code If-Match} names, {@link #NO_VERSION} if it names none, null if absent. */
  public static @Nullable Long parse(@Nullable String ifMatch) {
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
      return NO_VERSION;
    }
  }
}
