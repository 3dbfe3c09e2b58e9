package com.swn.basket.checkout;

import com.swn.platform.security.Caller;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /basket/checkout}: 202 Accepted with the order's future location. The order is
 * created asynchronously by the ordering service from the {@code CheckoutBasket} event.
 */
@RestController
class CheckoutController {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final Checkout checkout;

  CheckoutController(Checkout checkout) {
    this.checkout = checkout;
  }

  @PostMapping("/basket/checkout")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(
      summary = "Check the basket out; retry with the same Idempotency-Key to get the same answer")
  @ApiResponse(
      responseCode = "202",
      description = "Accepted; the order appears at Location shortly")
  @ApiResponse(
      responseCode = "403",
      description = "The body's userName is not the access token's user")
  @ApiResponse(responseCode = "404", description = "No basket for that user")
  @ApiResponse(
      responseCode = "409",
      description = "Lost a race with a concurrent change or checkout")
  @ApiResponse(
      responseCode = "422",
      description =
          "The basket is empty or has unavailable lines, or the key was used with another body")
  ResponseEntity<CheckoutAccepted> checkout(
      @Parameter(
              required = true,
              description = "a new random value per checkout, the same one on every retry of it",
              schema = @Schema(pattern = InvalidIdempotencyKeyException.PATTERN))
          @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
          @Nullable String idempotencyKey,
      @Valid @RequestBody CheckoutRequest request) {
    var caller = Caller.current();
    if (request.userName() != null && !caller.is(request.userName())) {
      throw new NotTheCallerException();
    }
    var result =
        checkout.checkout(
            request.of(caller.userName()), InvalidIdempotencyKeyException.check(idempotencyKey));
    var response = result.response();
    return ResponseEntity.accepted()
        .location(URI.create("/order/" + response.userName() + "/" + response.orderId()))
        .header("Idempotent-Replayed", String.valueOf(result.replayed()))
        .body(response);
  }

  /**
   * {@code /basket/checkout} is the checkout, not the basket of a user named {@code checkout} (no
   * such name is valid): the basket operations are not there, so they are a 405 naming POST, and
   * OPTIONS names POST alone.
   */
  @Hidden
  @RequestMapping(
      path = "/basket/checkout",
      method = {
        RequestMethod.GET,
        RequestMethod.HEAD,
        RequestMethod.PUT,
        RequestMethod.PATCH,
        RequestMethod.DELETE,
        RequestMethod.OPTIONS
      })
  ResponseEntity<Void> notABasket(HttpServletRequest request)
      throws HttpRequestMethodNotSupportedException {
    if (HttpMethod.OPTIONS.matches(request.getMethod())) {
      return ResponseEntity.ok().allow(HttpMethod.POST, HttpMethod.OPTIONS).build();
    }
    throw new HttpRequestMethodNotSupportedException(
        request.getMethod(), List.of("POST", "OPTIONS"));
  }
}
