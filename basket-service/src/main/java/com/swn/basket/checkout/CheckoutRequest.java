package com.swn.basket.checkout;

import com.swn.basket.UserNames;
import com.swn.platform.web.Patterns;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /basket/checkout}. Anything else (a card number, a price) is an unknown
 * field and a 400. It holds personal data, so {@link #toString()} does not print it.
 */
record CheckoutRequest(
    @NotNull @Pattern(regexp = UserNames.PATTERN, message = UserNames.MESSAGE) String userName,
    @NotBlank @Size(min = 1, max = 100) @Pattern(regexp = Patterns.NON_BLANK, message = "must not be blank") String firstName,
    @NotBlank @Size(min = 1, max = 100) @Pattern(regexp = Patterns.NON_BLANK, message = "must not be blank") String lastName,
    @NotBlank @Email @Size(max = 254) String email,
    @NotBlank @Size(min = 1, max = 500) @Pattern(regexp = Patterns.NON_BLANK, message = "must not be blank") String address,
    @NotNull PaymentMethod paymentMethod) {

  @Override
  public String toString() {
    return "CheckoutRequest[personal data redacted]";
  }
}
