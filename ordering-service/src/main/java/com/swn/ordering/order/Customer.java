package com.swn.ordering.order;

/**
 * Who ordered and where it goes. Personal data: {@link #toString()} shows none of it, so an order
 * that ends up in a log message or an exception does not leak it.
 */
public record Customer(String firstName, String lastName, String email, String address) {

  @Override
  public String toString() {
    return "Customer[personal data not shown]";
  }
}
