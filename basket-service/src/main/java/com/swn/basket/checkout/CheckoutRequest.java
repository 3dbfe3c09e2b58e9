package com.swn.basket.checkout;

import com.swn.basket.UserNames;
import com.swn.contracts.EmailAddresses;
import com.swn.platform.web.Patterns;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.CodePointLength;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /basket/checkout}. Anything else (a card number, a price) is an unknown
 * field and a 400. The e-mail rule is the {@code CheckoutBasket} contract's ({@link
 * EmailAddresses}), so every request accepted here makes a valid event. It holds personal data, so
 * {@link #toString()} does not print it. The customer is the access token's; {@code userName} may
 * be left out, and if sent it must be the caller ({@link CheckoutController}).
 */
record CheckoutRequest(
    @Pattern(regexp = UserNames.PATTERN, message = UserNames.MESSAGE) @Nullable String userName,
    @NotBlank
        @CodePointLength(min = 1, max = 100)
        @Pattern(regexp = Patterns.NON_BLANK, message = "must not be blank")
        String firstName,
    @NotBlank
        @CodePointLength(min = 1, max = 100)
        @Pattern(regexp = Patterns.NON_BLANK, message = "must not be blank")
        String lastName,
    @NotNull
        @Pattern(regexp = EmailAddresses.PATTERN, message = EmailAddresses.MESSAGE)
        @CodePointLength(max = EmailAddresses.MAX_LENGTH)
        String email,
    @NotBlank
        @CodePointLength(min = 1, max = 500)
        @Pattern(regexp = Patterns.NON_BLANK, message = "must not be blank")
        String address,
    @NotNull PaymentMethod paymentMethod) {

  /** The request as the caller's: {@code userName} is the token's. */
  CheckoutRequest of(String caller) {
    return new CheckoutRequest(caller, firstName, lastName, email, address, paymentMethod);
  }

  @Override
  public String toString() {
    return "CheckoutRequest[personal data redacted]";
  }
}
