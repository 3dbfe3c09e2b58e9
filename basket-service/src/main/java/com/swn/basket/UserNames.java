package com.swn.basket;

import java.util.regex.Pattern;

/**
 * A user name keys the basket and ends up in URLs, logs and events: plain tokens only. {@code
 * checkout} is reserved, because {@code /basket/checkout} is the checkout, not a user's basket.
 */
public final class UserNames {

  public static final String PATTERN = "^(?!checkout$)[A-Za-z0-9._-]{1,100}$";
  public static final String MESSAGE =
      "must be 1 to 100 letters, digits, '.', '_' or '-', and not 'checkout'";

  private static final Pattern VALID = Pattern.compile(PATTERN);

  private UserNames() {}

  /** The user name from a path, if it is valid. */
  public static String checked(String userName) {
    if (!VALID.matcher(userName).matches()) {
      throw new InvalidParameterException("userName", MESSAGE);
    }
    return userName;
  }
}
