package com.swn.basket.basket;

import com.swn.basket.UserNames;
import com.swn.platform.web.Page;
import com.swn.platform.web.Patterns;
import com.swn.platform.web.VersionTags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * Baskets over HTTP. Path and query parameters are checked in code ({@link UserNames#checked}), so
 * that a body's validation keeps its per-field report. A basket's ETag is its version: replacing an
 * existing basket requires {@code If-Match}; item-level changes accept it optionally.
 */
@RestController
@RequestMapping("/basket")
class BasketController {

  private final Baskets baskets;

  BasketController(Baskets baskets) {
    this.baskets = baskets;
  }

  @GetMapping
  @Operation(summary = "List baskets page by page (a scan: a page may hold fewer than limit)")
  Page<BasketResponse> list(
      @Parameter(description = "at most this many; pages are capped at basket.max-page-size")
          @RequestParam(defaultValue = "20")
          @Min(1)
          @Max(1000)
          int limit,
      @Parameter(description = "the nextToken of the previous page")
          @RequestParam(required = false)
          @Pattern(regexp = Patterns.PAGE_TOKEN)
          @Nullable String nextToken) {
    var page = baskets.list(limit, nextToken);
    return page.map(BasketResponse::of);
  }

  @GetMapping("/{userName}")
  ResponseEntity<BasketResponse> get(
      @PathVariable @PathParameters.UserName String userName, WebRequest request) {
    var basket = baskets.get(UserNames.checked(userName));
    if (request.checkNotModified(VersionTags.of(basket.version()))) {
      return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
          .eTag(VersionTags.of(basket.version()))
          .build();
    }
    return ok(basket);
  }

  @PutMapping("/{userName}")
  @Operation(summary = "Replace all lines; creates the basket, or needs If-Match if it exists")
  @ApiResponse(responseCode = "200", description = "Replaced")
  @ApiResponse(
      responseCode = "201",
      description = "Created",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = BasketResponse.class)))
  @ApiResponse(responseCode = "428", description = "The basket exists and If-Match is missing")
  @ApiResponse(responseCode = "409", description = "Changed concurrently; read it again and retry")
  ResponseEntity<BasketResponse> replace(
      @PathVariable @PathParameters.UserName String userName,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
      @Valid @RequestBody BasketContents contents) {
    var result =
        baskets.replace(UserNames.checked(userName), VersionTags.parse(ifMatch), contents.items());
    if (result.created()) {
      return withETag(ResponseEntity.created(URI.create("/basket/" + userName)), result.basket());
    }
    return ok(result.basket());
  }

  @PostMapping("/{userName}/items")
  @Operation(summary = "Add a line, or add to the quantity of the same product and color")
  ResponseEntity<BasketResponse> add(
      @PathVariable @PathParameters.UserName String userName,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
      @Valid @RequestBody ItemRequest item) {
    return ok(baskets.add(UserNames.checked(userName), VersionTags.parse(ifMatch), item));
  }

  @PatchMapping("/{userName}/items/{productId}")
  @Operation(
      summary = "Change a line's quantity; name the color if the product is there in several")
  ResponseEntity<BasketResponse> changeQuantity(
      @PathVariable @PathParameters.UserName String userName,
      @PathVariable @PathParameters.ProductId String productId,
      @RequestParam(required = false) @Parameter(schema = @Schema(minLength = 1, maxLength = 50))
          @Nullable String color,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
      @Valid @RequestBody QuantityChange change) {
    return ok(
        baskets.changeQuantity(
            UserNames.checked(userName),
            ItemRequest.checkedProductId(productId),
            ItemRequest.checkedColor(color),
            change.quantity(),
            VersionTags.parse(ifMatch)));
  }

  @DeleteMapping("/{userName}/items/{productId}")
  @Operation(
      summary = "Remove the line of that color, or every line of the product if no color is named")
  ResponseEntity<BasketResponse> remove(
      @PathVariable @PathParameters.UserName String userName,
      @PathVariable @PathParameters.ProductId String productId,
      @RequestParam(required = false) @Parameter(schema = @Schema(minLength = 1, maxLength = 50))
          @Nullable String color,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
    return ok(
        baskets.remove(
            UserNames.checked(userName),
            ItemRequest.checkedProductId(productId),
            ItemRequest.checkedColor(color),
            VersionTags.parse(ifMatch)));
  }

  @DeleteMapping("/{userName}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(
      @PathVariable @PathParameters.UserName String userName,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
    baskets.delete(UserNames.checked(userName), VersionTags.parse(ifMatch));
  }

  private static ResponseEntity<BasketResponse> ok(Basket basket) {
    return withETag(ResponseEntity.ok(), basket);
  }

  private static ResponseEntity<BasketResponse> withETag(
      ResponseEntity.BodyBuilder response, Basket basket) {
    return response.eTag(VersionTags.of(basket.version())).body(BasketResponse.of(basket));
  }
}
