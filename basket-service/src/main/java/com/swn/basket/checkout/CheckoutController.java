package com.swn.basket.checkout;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /basket/checkout}: 202 Accepted with the order's future location. The order is created
 * asynchronously by the ordering service from the {@code CheckoutBasket} event.
 */
@RestController
class CheckoutController {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final Checkout checkout;

  CheckoutController(Checkout checkout) {
    this.checkout = checkout;
  }

  @PostMapping("/basket/checkout")
  @Operation(summary = "Check the basket out; retry with the same Idempotency-Key to get the same answer")
  ResponseEntity<CheckoutAccepted> checkout(
      @Parameter(description = "a new random value per checkout, the same one on every retry of it")
          @RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable String idempotencyKey,
      @Valid @RequestBody CheckoutRequest request) {
    var result = checkout.checkout(request, InvalidIdempotencyKeyException.check(idempotencyKey));
    var response = result.response();
    return ResponseEntity.accepted()
        .location(URI.create("/order/" + response.userName() + "/" + response.orderId()))
        .header("Idempotent-Replayed", String.valueOf(result.replayed()))
        .body(response);
  }
}
