package com.swn.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HTTP layer checks an address with {@link EmailAddresses#PATTERN} as Bean Validation's
 * {@code @Pattern} does (a whole-string Java match, at most {@link EmailAddresses#MAX_LENGTH}
 * characters); the consumer checks the event against {@code CheckoutBasket.v1}. Both must give the
 * same answer for every string.
 */
class EmailAddressesTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern HTTP_RULE = Pattern.compile(EmailAddresses.PATTERN);

  private static boolean httpAccepts(String email) {
    return email.length() <= EmailAddresses.MAX_LENGTH && HTTP_RULE.matcher(email).matches();
  }

  private static boolean contractAccepts(String email) {
    var event = EventContractsTest.checkout();
    ((ObjectNode) event.path("data").path("customer")).put("email", email);
    return EventContracts.violations(event).isEmpty();
  }

  @Property(tries = 3000)
  void theHttpRuleAndTheContractAgreeOnEveryAddress(@ForAll("addresses") String email) {
    var accepted = httpAccepts(email);
    assertThat(contractAccepts(email)).as(email).isEqualTo(accepted);
    Statistics.collect(accepted ? "accepted" : "refused");
    // A generator that produced only refusals would prove nothing.
    Statistics.coverage(coverage -> coverage.check("accepted").percentage(p -> p > 10));
  }

  @Example
  void acceptsPrivateAndReservedDomainsAndRefusesAddressLiterals() {
    for (var accepted :
        new String[] {"ada@shop.internal", "ada@example.test", "ada.b+c@mail.example.co.uk"}) {
      assertThat(httpAccepts(accepted)).as(accepted).isTrue();
      assertThat(contractAccepts(accepted)).as(accepted).isTrue();
    }
    for (var refused :
        new String[] {
          "ada@[10.0.0.1]", "ada@localhost", "\"ada\"@x.io", "ada@example.com\n", "ada@bücher.de"
        }) {
      assertThat(httpAccepts(refused)).as(refused).isFalse();
      assertThat(contractAccepts(refused)).as(refused).isFalse();
    }
  }

  @Example
  void theSchemaCarriesThePatternItself() throws Exception {
    try (var in =
        getClass().getResourceAsStream("/contracts/events/CheckoutBasket.v1.schema.json")) {
      var email = JSON.readTree(in).at("/properties/data/properties/customer/properties/email");
      assertThat(email.path("pattern").asString()).isEqualTo(EmailAddresses.PATTERN);
      assertThat(email.path("maxLength").asInt()).isEqualTo(EmailAddresses.MAX_LENGTH);
      assertThat(email.has("format")).as("no validator-specific format").isFalse();
    }
  }

  @Provide
  Arbitrary<String> addresses() {
    var plausibleLocal =
        Arbitraries.strings().alpha().numeric().withChars(".+-_'").ofMinLength(0).ofMaxLength(70);
    var anyLocal = Arbitraries.strings().all().ofMaxLength(20);
    var oddLocal =
        Arbitraries.strings()
            .withChars("aZ0.!#$%&'*+/=?^_`{|}~-\"(),:;<>@[]\\ ü\n\t")
            .ofMaxLength(12);
    var label =
        Arbitraries.oneOf(
            Arbitraries.strings().alpha().numeric().withChars("-").ofMinLength(0).ofMaxLength(66),
            Arbitraries.strings().withChars("a9-_ü[]: \n").ofMaxLength(6),
            Arbitraries.of(
                "internal",
                "test",
                "example",
                "com",
                "io",
                "10",
                "0",
                "xn--bcher-kva",
                "localhost",
                "[10.0.0.1]"));
    var domain = label.list().ofMinSize(1).ofMaxSize(5).map(labels -> String.join(".", labels));
    var composed =
        Combinators.combine(
                Arbitraries.oneOf(plausibleLocal, anyLocal, oddLocal),
                domain,
                Arbitraries.of("", "", "", "\n", " ", "."))
            .as((local, host, tail) -> local + "@" + host + tail);
    var edges =
        Arbitraries.of(
            "ada@shop.internal",
            "ada@example.test",
            "ada@[10.0.0.1]",
            "a@b.c",
            "",
            "@",
            "ada@",
            "@x.io",
            "ada@x.io\n",
            "a".repeat(64) + "@x.io",
            "a".repeat(65) + "@x.io",
            "a@" + "b".repeat(63) + ".io",
            "a@" + "b".repeat(64) + ".io",
            "a@" + ("b".repeat(63) + ".").repeat(3) + "c".repeat(57),
            "a@" + ("b".repeat(63) + ".").repeat(3) + "c".repeat(58));
    var atom =
        Arbitraries.strings()
            .alpha()
            .numeric()
            .withChars("!#$%&'*+/=?^_`{|}~-")
            .ofMinLength(1)
            .ofMaxLength(12);
    var hostLabel =
        Arbitraries.strings().alpha().numeric().withChars("-").ofMinLength(1).ofMaxLength(12);
    var topLabel = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8);
    var wellFormed =
        Combinators.combine(
                atom.list().ofMinSize(1).ofMaxSize(3),
                hostLabel.list().ofMinSize(1).ofMaxSize(3),
                topLabel)
            .as(
                (atoms, labels, top) ->
                    String.join(".", atoms) + "@" + String.join(".", labels) + "." + top);
    return Arbitraries.frequencyOf(
        Tuple.of(4, wellFormed),
        Tuple.of(5, composed),
        Tuple.of(1, edges),
        Tuple.of(1, Arbitraries.strings().all().ofMaxLength(40)));
  }
}
