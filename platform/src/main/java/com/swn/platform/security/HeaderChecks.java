package com.swn.platform.security;

import java.util.function.Predicate;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The firewall's own header checks with a shortcut for plain ASCII. {@link StrictHttpFirewall}
 * matches every header name and value against a Unicode regular expression on every {@code
 * getHeader}, and the bearer token's ~1 KB {@code Authorization} value is read by the DPoP matcher
 * and by the token resolver on every request: 2.7 % of a basket read's CPU (JFR,
 * docs/performance.md). Printable ASCII passes those expressions by definition (every character is
 * assigned and none is a control), so it is accepted here without them; any other text gets the
 * firewall's own predicate, unchanged.
 */
final class HeaderChecks {

  /** What the firewall allows in a header value, tab included. */
  static final Predicate<String> VALUES =
      value -> printableAscii(value, true) || StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(value);

  /** What the firewall allows in a header name. */
  static final Predicate<String> NAMES =
      name -> printableAscii(name, false) || StrictHttpFirewall.ALLOWED_HEADER_NAMES.test(name);

  private HeaderChecks() {}

  private static boolean printableAscii(String text, boolean tab) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 || c > 0x7e) && !(tab && c == '\t')) {
        return false;
      }
    }
    return true;
  }
}
