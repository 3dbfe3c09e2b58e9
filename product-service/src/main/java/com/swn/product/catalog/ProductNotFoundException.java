package com.swn.product.catalog;

import com.swn.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

class ProductNotFoundException extends ProblemException {

  ProductNotFoundException(String id) {
    super(HttpStatus.NOT_FOUND, "Product not found", "No product with id " + id + ".");
  }
}
