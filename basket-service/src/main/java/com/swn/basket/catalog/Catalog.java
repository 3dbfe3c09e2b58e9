package com.swn.basket.catalog;

import com.swn.platform.dynamodb.BatchRead;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Names and prices for a basket write: from the service's own {@link CatalogView}, so an add costs
 * one read of its own table instead of a call to the product service; only a product the view does
 * not hold yet (created before the view existed, or its event still on the way) is asked of the
 * catalogue, and then recorded. A product the view knows to be deleted is unknown without asking.
 * The view follows the catalogue by the delay of its events; the checkout closes that gap by
 * reading the catalogue itself ({@code CataloguePriceCheck}), so no order carries a price older
 * than the checkout.
 */
@Component
public class Catalog {

  private static final Logger log = LoggerFactory.getLogger(Catalog.class);

  private final CatalogView view;
  private final CatalogClient client;

  Catalog(CatalogView view, CatalogClient client) {
    this.view = view;
    this.client = client;
  }

  /**
   * The product as the basket may price it, its view entry read in {@code read} (a batch another
   * repository runs): the supplier answers from the view, or asks the catalogue only if the view
   * has no entry. Throws as {@link #products} does.
   */
  public Supplier<CatalogProduct> product(BatchRead read, String productId) {
    var entry = view.find(read, productId);
    return () -> {
      var known = entry.get();
      if (known.isEmpty()) {
        var product = client.product(productId);
        remember(product);
        return product;
      }
      var product = known.get().product();
      if (product == null) {
        throw new UnknownProductException(productId);
      }
      return product;
    };
  }

  /**
   * The products keyed by id in the order given (duplicates once); throws as the catalogue does.
   */
  public Map<String, CatalogProduct> products(Collection<String> productIds) {
    var ids = List.copyOf(new LinkedHashSet<>(productIds));
    var known = view.find(ids);
    var missing = ids.stream().filter(id -> !known.containsKey(id)).toList();
    for (var id : ids) {
      var entry = known.get(id);
      if (entry != null && entry.product() == null) {
        throw new UnknownProductException(id);
      }
    }
    var fetched = missing.isEmpty() ? Map.<String, CatalogProduct>of() : client.products(missing);
    fetched.values().forEach(this::remember);
    var products = new LinkedHashMap<String, CatalogProduct>();
    for (var id : ids) {
      var entry = known.get(id);
      products.put(
          id, Objects.requireNonNull(entry == null ? fetched.get(id) : entry.product(), "checked"));
    }
    return products;
  }

  /** A failure to fill the view costs a later request a catalogue call, not this one its answer. */
  private void remember(CatalogProduct product) {
    try {
      view.record(product);
    } catch (SdkException e) {
      log.atWarn()
          .addKeyValue("productId", product.id())
          .log("Could not record the product in the catalogue view: {}", e.toString());
    }
  }
}
