package com.swn.platform.web;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

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
   * An {@code If-Match} condition (RFC 9110 §13.1.1): {@code *} matches any current
   * representation, a list matches if any of its tags names the current version. A header that
   * names no version (a foreign tag, a malformed list) is a condition nothing can meet.
   */
  public record IfMatch(boolean any, Set<Long> versions) {

    public IfMatch {
      versions = Set.copyOf(versions);
    }

    public boolean matches(long currentVersion) {
      return any || versions.contains(currentVersion);
    }
  }

  /** What {@code If-Match} may look like, for the API documents: {@code *} or a list of tags. */
  public static final String IF_MATCH_PATTERN =
      "^[ \\t]*(\\*|(W/)?\"[^\"]*\"([ \\t]*,[ \\t]*(W/)?\"[^\"]*\")*)[ \\t]*$";

  /**
   * The condition an {@code If-Match} header states; null if there is none.
   *
   * @throws MalformedIfMatchException (a 400) for a header that is neither {@code *} nor a list of
   *     entity tags
   */
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
      throw new MalformedIfMatchException();
    }
    return new IfMatch(false, versions);
  }

  /** An {@code If-Match} that is not one: a client error, not a version that fails to match. */
  public static final class MalformedIfMatchException extends ErrorResponseException {

    MalformedIfMatchException() {
      super(HttpStatus.BAD_REQUEST, problem(), null);
    }

    private static ProblemDetail problem() {
      var problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.BAD_REQUEST, "If-Match must be * or a list of entity tags such as \"3\".");
      problem.setTitle("Malformed If-Match");
      return problem;
    }
  }

  private static void version(String opaqueTag, Set<Long> versions) {
    try {
      versions.add(Long.parseLong(opaqueTag));
    } catch (NumberFormatException foreignTag) {
      // Not one of ours: it matches no version.
    }
  }
}
