package com.swn.basket.basket;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The basket showed prices (or products) the catalogue no longer has; it now shows the current
 * ones.
 */
public class PricesChangedException extends ErrorResponseException {

  PricesChangedException(List<String> productIds) {
    super(HttpStatus.CONFLICT, problem(productIds), null);
  }

  private static ProblemDetail problem(List<String> productIds) {
    var problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONFLICT,
            "The catalogue changed the price or availability of products in the basket. The basket now shows the current prices; nothing was ordered. Review it and check out again.");
    problem.setTitle("Prices changed");
    problem.setProperty("productIds", productIds);
    return problem;
  }
}
