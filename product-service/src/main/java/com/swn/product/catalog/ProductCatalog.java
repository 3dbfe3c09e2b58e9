package com.swn.product.catalog;

import com.swn.platform.events.EventFactory;
import com.swn.platform.outbox.OutboxEvent;
import com.swn.platform.web.Page;
import com.swn.platform.web.VersionTags.IfMatch;
import com.swn.product.catalog.ProductEvents.ProductCreated;
import com.swn.product.catalog.ProductEvents.ProductDeleted;
import com.swn.product.catalog.ProductEvents.ProductPriceChanged;
import java.util.ArrayList;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The catalogue's use cases. A change and its event are committed together (transactional outbox);
 * the event is then published right away and, should that fail, by the relay's next sweep. So an
 * accepted change is never without its event, and a failed write publishes nothing.
 */
@Service
class ProductCatalog {

  /** Ids are server-made UUIDs; anything else cannot exist, so it never reaches DynamoDB. */
  private static final Pattern PRODUCT_ID =
      Pattern.compile("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");

  private final ProductRepository products;
  private final EventFactory events;

  ProductCatalog(ProductRepository products, EventFactory events) {
    this.products = products;
    this.events = events;
  }

  Product get(String id) {
    if (!PRODUCT_ID.matcher(id).matches()) {
      throw new ProductNotFoundException(id);
    }
    return products.findById(id).orElseThrow(() -> new ProductNotFoundException(id));
  }

  Page<Product> list(@Nullable String category, int limit, @Nullable String nextToken) {
    return category == null
        ? products.findAll(limit, nextToken)
        : products.findByCategory(category, limit, nextToken);
  }

  Product create(ProductDetails details) {
    var product = Product.create(UUID.randomUUID().toString(), details);
    var event =
        events.create(
            new ProductCreated(
                product.id(),
                product.name(),
                product.price(),
                product.category(),
                product.version()));
    products.insert(product, event);
    return product;
  }

  Product replace(String id, IfMatch expected, ProductDetails details) {
    var current = get(id);
    if (!expected.matches(current.version())) {
      throw new VersionMismatchException(id, current.version());
    }
    var updated = current.update(details);
    var changes = new ArrayList<OutboxEvent>();
    if (updated.nameOrPriceDiffersFrom(current)) {
      changes.add(
          events.create(
              new ProductPriceChanged(
                  id, updated.name(), current.price(), updated.price(), updated.version())));
    }
    products.replace(updated, current.version(), changes);
    return updated;
  }

  void delete(String id, @Nullable IfMatch expected) {
    var current = get(id);
    if (expected != null && !expected.matches(current.version())) {
      throw new VersionMismatchException(id, current.version());
    }
    var event = events.create(new ProductDeleted(id, current.version()));
    products.delete(id, current.version(), event);
  }
}
