package com.swn.contracts;

/**
 * The one rule for an e-mail address in a request and in an event, so that the HTTP layer and the
 * contracts accept exactly the same addresses. JSON Schema's {@code format: email} is not that
 * rule: validators differ (the one used here knows only IANA top-level domains, so {@code
 * ada@shop.internal} passed the HTTP layer's {@code @Email} and failed the consumer's contract
 * check).
 *
 * <p>The rule: an ASCII dot-atom local part of at most 64 characters, {@code @}, and a domain name
 * of at least two labels (letters, digits, inner hyphens; at most 63 each) whose last label starts
 * with a letter; at most 254 characters in all (the schema's {@code maxLength}, the request's
 * {@code @Size}). No quoted local parts, no address literals ({@code ada@[10.0.0.1]}), no
 * internationalised addresses: a request with one is a 400. Any top-level domain is accepted
 * ({@code .internal}, {@code .test}), since the shop cannot know which ones its customers' mail
 * servers use.
 *
 * <p>{@code CheckoutBasket.v1.schema.json} carries the same text as its {@code pattern} (checked by
 * {@code EmailAddressesTest}). It is written for both regex dialects: Java's for Bean Validation's
 * {@code @Pattern} and the schema validator, ECMA 262 for other consumers of the schema.
 */
public final class EmailAddresses {

  private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
  private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
  private static final String TOP_LABEL = "[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";

  /**
   * Ends in {@code (?![\s\S])}, "no character follows", rather than {@code $}: the schema validator
   * searches with the pattern, and a searched {@code $} also matches before a final line break.
   */
  public static final String PATTERN =
      "^(?=.{1,64}@)"
          + ATOM
          + "(?:\\."
          + ATOM
          + ")*@(?:"
          + LABEL
          + "\\.)+"
          + TOP_LABEL
          + "(?![\\s\\S])";

  public static final int MAX_LENGTH = 254;

  public static final String MESSAGE =
      "must be an e-mail address like name@example.com (ASCII, no address literals)";

  private EmailAddresses() {}
}
