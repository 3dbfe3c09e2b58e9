package com.swn.basket.basket;

import com.swn.platform.web.StaleVersionException;
import org.jspecify.annotations.Nullable;

class VersionMismatchException extends StaleVersionException {

  VersionMismatchException(String userName, @Nullable Long currentVersion) {
    super(
        "The basket of "
            + userName
            + " is not at the version in If-Match. Read it again and retry with its ETag.",
        currentVersion);
  }
}
