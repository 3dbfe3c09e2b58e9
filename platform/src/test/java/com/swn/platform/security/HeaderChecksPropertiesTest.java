package com.swn.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The shortcut answers exactly as the firewall's own predicates, for text mostly of printable ASCII
 * (the shortcut's case) with tabs, controls, DEL, Latin-1, unassigned code points and lone
 * surrogates mixed in (the cases it must hand on).
 */
class HeaderChecksPropertiesTest {

  @Property(tries = 3000)
  void valuesAreJudgedAsTheFirewallJudgesThem(@ForAll("headerText") String value) {
    assertThat(HeaderChecks.VALUES.test(value))
        .isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(value));
  }

  @Property(tries = 3000)
  void namesAreJudgedAsTheFirewallJudgesThem(@ForAll("headerText") String name) {
    assertThat(HeaderChecks.NAMES.test(name))
        .isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_NAMES.test(name));
  }

  @Provide
  Arbitrary<String> headerText() {
    var printable = Arbitraries.chars().range(' ', '~');
    var special =
        Arbitraries.oneOf(
            Arbitraries.of('\t', '\n', '\r', '\u0000', '\u001f', '\u007f', '\u0085', '\u00e9'),
            Arbitraries.of('\u0378', '\ufffe', '\ud800', '\udc00', '\u2028'),
            Arbitraries.chars());
    return Arbitraries.frequencyOf(Tuple.of(20, printable), Tuple.of(1, special))
        .list()
        .ofMaxSize(40)
        .map(
            chars -> {
              var text = new StringBuilder();
              chars.forEach(text::append);
              return text.toString();
            });
  }
}
