package com.swn.platform.web;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Entity tags for versioned resources: the tag is the version in quotes. Clients send it back in
 * {@code If-Match}; weak and strong forms are both accepted.
 */
public final class VersionTags {

  /** One entity tag of a list, weak or strong, and the comma after it (RFC 9110 §8.8.3). */
  private static final Pattern TAG = Pattern.compile("[ \\t]*(?:W/)?\"([^\"]*)\"[ \\t]*(?:,|$)");

  private VersionTags() {}

  public static String of(long version) {
    return "\"" + version + "\"";
  }

  /**
   * An {@code If-Match} condition (RFC 9110 §13.1.1): {@code *} matches any current representation,
   * a list matches if any of its tags names the current version. A header that names no version (a
   * foreign tag, a malformed list) is a condition nothing can meet.
   */
  public record IfMatch(boolean any, Set<Long> versions) {

    public IfMatch {
      versions = Set.copyOf(versions);
    }

    public boolean matches(long currentVersion) {
      return any || versions.contains(currentVersion);
    }
  }

  /** The condition an {@code If-Match} header states; null if there is none. */
  public static @Nullable IfMatch parse(@Nullable String ifMatch) {
    if (ifMatch == null) {
      return null;
    }
    if (ifMatch.trim().equals("*")) {
      return new IfMatch(true, Set.of());
    }
    var versions = new LinkedHashSet<Long>();
    var matcher = TAG.matcher(ifMatch);
    int at = 0;
    while (at < ifMatch.length() && matcher.find(at) && matcher.start() == at) {
      version(matcher.group(1), versions);
      at = matcher.end();
    }
    if (at == 0 || (at < ifMatch.length() && !ifMatch.substring(at).isBlank())) {
      // Not a tag list: it names no version, so it can never match (412), as a foreign tag.
      return new IfMatch(false, Set.of());
    }
    return new IfMatch(false, versions);
  }

  private static void version(String opaqueTag, Set<Long> versions) {
    try {
      versions.add(Long.parseLong(opaqueTag));
    } catch (NumberFormatException foreignTag) {
      // Not one of ours: it matches no version.
    }
  }
}
