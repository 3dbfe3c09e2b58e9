package com.swn.product.catalog;

import com.swn.platform.web.Page;
import com.swn.platform.web.Patterns;
import com.swn.platform.web.PreconditionRequiredException;
import com.swn.platform.web.VersionTags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.Objects;
import org.hibernate.validator.constraints.CodePointLength;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
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

/** The catalogue over HTTP. A product's ETag is its version; replacing one requires If-Match. */
@RestController
@RequestMapping("/product")
class ProductController {

  private final ProductCatalog catalog;

  ProductController(ProductCatalog catalog) {
    this.catalog = catalog;
  }

  @GetMapping
  @Operation(summary = "List products, optionally of one category (served by an index)")
  Page<Product> list(
      @RequestParam(required = false) @CodePointLength(min = 1, max = 100)
          @Nullable String category,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
      @Parameter(description = "the nextToken of the previous page")
          @RequestParam(required = false)
          @Pattern(regexp = Patterns.PAGE_TOKEN)
          @Nullable String nextToken) {
    return catalog.list(category, limit, nextToken);
  }

  @GetMapping("/{id}")
  @ApiResponse(responseCode = "200", description = "The product; its ETag is the version")
  @ApiResponse(responseCode = "304", description = "If-None-Match names the current version")
  ResponseEntity<Product> get(
      @PathVariable @PathParameters.ProductId String id, WebRequest request) {
    var product = catalog.get(id);
    if (request.checkNotModified(VersionTags.of(product.version()))) {
      return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
          .eTag(VersionTags.of(product.version()))
          .build();
    }
    return withETag(ResponseEntity.ok(), product);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  ResponseEntity<Product> create(@Valid @RequestBody ProductDetails details) {
    var product = catalog.create(details);
    return withETag(ResponseEntity.created(URI.create("/product/" + product.id())), product);
  }

  @PutMapping("/{id}")
  @Operation(summary = "Replace a product; If-Match must carry its current ETag")
  @ApiResponse(responseCode = "200", description = "Replaced; the new version is in the ETag")
  @ApiResponse(responseCode = "428", description = "No If-Match")
  ResponseEntity<Product> replace(
      @PathVariable @PathParameters.ProductId String id,
      @Parameter(required = true, description = "the ETag of the version being replaced, or *")
          @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
          @Nullable String ifMatch,
      @Valid @RequestBody ProductDetails details) {
    if (ifMatch == null) {
      throw new PreconditionRequiredException(
          "Send the product's ETag in If-Match; GET the product to learn it.");
    }
    var product = catalog.replace(id, Objects.requireNonNull(VersionTags.parse(ifMatch)), details);
    return withETag(ResponseEntity.ok(), product);
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(
      @PathVariable @PathParameters.ProductId String id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
    catalog.delete(id, VersionTags.parse(ifMatch));
  }

  private static ResponseEntity<Product> withETag(
      ResponseEntity.BodyBuilder response, Product product) {
    return response.eTag(VersionTags.of(product.version())).body(product);
  }
}
