package com.swn.ordering.order;

import com.swn.platform.web.Page;
import com.swn.platform.web.Patterns;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Orders over HTTP. They are created only from checkout events, never by a client; a client can
 * read them and cancel a placed one.
 */
@RestController
@RequestMapping("/order")
class OrderController {

  /** Order ids are the UUIDs the basket service makes at checkout. */
  private static final String UUID =
      "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

  /** User names as the basket service accepts them; no other user can have an order. */
  private static final String USER_NAME = "^[A-Za-z0-9._-]{1,100}$";

  private final Orders orders;

  OrderController(Orders orders) {
    this.orders = orders;
  }

  @GetMapping
  @Operation(summary = "List all orders, a page at a time (a table scan, in no particular order)")
  Page<OrderResponse> list(
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
      @Parameter(description = "the nextToken of the previous page")
          @RequestParam(required = false)
          @Pattern(regexp = Patterns.PAGE_TOKEN)
          @Nullable String nextToken) {
    return response(orders.list(limit, nextToken));
  }

  @GetMapping("/{userName}")
  @Operation(summary = "List a user's orders, newest first")
  Page<OrderResponse> listOfUser(
      @PathVariable @Pattern(regexp = USER_NAME, message = "must be a user name") String userName,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
      @Parameter(description = "the nextToken of the previous page")
          @RequestParam(required = false)
          @Pattern(regexp = Patterns.PAGE_TOKEN)
          @Nullable String nextToken) {
    return response(orders.listOf(userName, limit, nextToken));
  }

  @GetMapping("/{userName}/{orderId}")
  @ApiResponse(responseCode = "200", description = "The order")
  OrderResponse get(
      @PathVariable @Pattern(regexp = USER_NAME, message = "must be a user name") String userName,
      @PathVariable @Pattern(regexp = UUID, message = "must be a UUID") String orderId) {
    return OrderResponse.of(orders.get(userName, orderId));
  }

  @PostMapping("/{userName}/{orderId}/cancel")
  @Operation(
      summary =
          "Cancel a placed order; 409 with currentStatus if it is not PLACED (also when already cancelled)")
  @ApiResponse(responseCode = "200", description = "Cancelled")
  @ApiResponse(responseCode = "409", description = "Not PLACED; currentStatus says what it is")
  OrderResponse cancel(
      @PathVariable @Pattern(regexp = USER_NAME, message = "must be a user name") String userName,
      @PathVariable @Pattern(regexp = UUID, message = "must be a UUID") String orderId) {
    return OrderResponse.of(orders.cancel(userName, orderId));
  }

  private static Page<OrderResponse> response(Page<Order> page) {
    return page.map(OrderResponse::of);
  }
}
