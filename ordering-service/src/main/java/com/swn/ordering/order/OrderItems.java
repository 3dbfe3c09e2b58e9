package com.swn.ordering.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps orders to DynamoDB items and back. Money is a DynamoDB number (exact decimal); the customer
 * and the lines are nested maps. {@code orderDate} is the sort key of the date index, so it is
 * written in one fixed width (UTC, milliseconds) that sorts as text the way it sorts as time.
 */
final class OrderItems {

  static final String USER_NAME = "userName";
  static final String ORDER_ID = "orderId";
  static final String ORDER_DATE = "orderDate";
  static final String STATUS = "status";
  static final String VERSION = "version";
  static final String EVENT_ID = "eventId";
  static final String ITEMS = "items";
  static final String TOTAL_PRICE = "totalPrice";
  static final String CUSTOMER = "customer";
  static final String PAYMENT_METHOD = "paymentMethod";

  private static final DateTimeFormatter ORDER_DATE_FORMAT =
      new DateTimeFormatterBuilder().appendInstant(3).toFormatter();

  private OrderItems() {}

  static Map<String, AttributeValue> key(String userName, String orderId) {
    return Map.of(
        USER_NAME, AttributeValue.fromS(userName), ORDER_ID, AttributeValue.fromS(orderId));
  }

  static AttributeValue number(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  static String orderDate(Instant instant) {
    return ORDER_DATE_FORMAT.format(instant);
  }

  static Map<String, AttributeValue> toItem(Order order, UUID eventId) {
    var item = new HashMap<String, AttributeValue>();
    item.putAll(key(order.userName(), order.orderId()));
    item.put(ORDER_DATE, AttributeValue.fromS(orderDate(order.orderDate())));
    item.put(STATUS, AttributeValue.fromS(order.status().name()));
    item.put(VERSION, number(order.version()));
    item.put(EVENT_ID, AttributeValue.fromS(eventId.toString()));
    item.put(ITEMS, AttributeValue.fromL(order.items().stream().map(OrderItems::line).toList()));
    item.put(TOTAL_PRICE, AttributeValue.fromN(order.totalPrice().toPlainString()));
    item.put(CUSTOMER, customer(order.customer()));
    item.put(PAYMENT_METHOD, AttributeValue.fromS(order.paymentMethod().name()));
    return item;
  }

  /** The stored total is for readers of the table; the order recomputes its own from the lines. */
  static Order fromItem(Map<String, AttributeValue> item) {
    return new Order(
        item.get(ORDER_ID).s(),
        item.get(USER_NAME).s(),
        OrderStatus.valueOf(item.get(STATUS).s()),
        Instant.parse(item.get(ORDER_DATE).s()),
        item.get(ITEMS).l().stream().map(value -> line(value.m())).toList(),
        customer(item.get(CUSTOMER).m()),
        PaymentMethod.valueOf(item.get(PAYMENT_METHOD).s()),
        Long.parseLong(item.get(VERSION).n()));
  }

  private static AttributeValue line(OrderLine line) {
    var map = new HashMap<String, AttributeValue>();
    map.put("productId", AttributeValue.fromS(line.productId()));
    map.put("productName", AttributeValue.fromS(line.productName()));
    if (line.color() != null) {
      map.put("color", AttributeValue.fromS(line.color()));
    }
    map.put("quantity", number(line.quantity()));
    map.put("unitPrice", AttributeValue.fromN(line.unitPrice().toPlainString()));
    map.put("lineTotal", AttributeValue.fromN(line.lineTotal().toPlainString()));
    return AttributeValue.fromM(map);
  }

  private static OrderLine line(Map<String, AttributeValue> map) {
    return new OrderLine(
        map.get("productId").s(),
        map.get("productName").s(),
        stringOrNull(map, "color"),
        Integer.parseInt(map.get("quantity").n()),
        new BigDecimal(map.get("unitPrice").n()));
  }

  private static AttributeValue customer(Customer customer) {
    return AttributeValue.fromM(
        Map.of(
            "firstName", AttributeValue.fromS(customer.firstName()),
            "lastName", AttributeValue.fromS(customer.lastName()),
            "email", AttributeValue.fromS(customer.email()),
            "address", AttributeValue.fromS(customer.address())));
  }

  private static Customer customer(Map<String, AttributeValue> map) {
    return new Customer(
        map.get("firstName").s(),
        map.get("lastName").s(),
        map.get("email").s(),
        map.get("address").s());
  }

  private static @Nullable String stringOrNull(Map<String, AttributeValue> map, String name) {
    var value = map.get(name);
    return value == null ? null : value.s();
  }
}
