package com.swn.product.catalog;

import com.swn.platform.web.StaleVersionException;
import org.jspecify.annotations.Nullable;

class VersionMismatchException extends StaleVersionException {

  VersionMismatchException(String id, @Nullable Long currentVersion) {
    super(
        "Product " + id + " was changed since you read it. Read it again and retry with its ETag.",
        currentVersion);
  }
}
