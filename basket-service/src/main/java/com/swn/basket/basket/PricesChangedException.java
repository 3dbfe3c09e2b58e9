package com.swn.basket.basket;

import com.swn.platform.web.ProblemException;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * The basket showed prices (or products) the catalogue no longer has; it now shows the current
 * ones.
 */
public class PricesChangedException extends ProblemException {

  PricesChangedException(List<String> productIds) {
    super(
        HttpStatus.CONFLICT,
        "Prices changed",
        "The catalogue changed the price or availability of products in the basket. The basket now shows the current prices; nothing was ordered. Review it and check out again.");
    property("productIds", productIds);
  }
}
