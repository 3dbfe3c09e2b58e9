package com.swn.product.catalog;

/** A product's ETag is its version in quotes; weak and strong forms of If-Match are both accepted. */
final class ETags {

  private ETags() {}

  static String of(Product product) {
    return "\"" + product.version() + "\"";
  }

  /** An If-Match that names no version of ours can match nothing: that is a failed precondition. */
  static long version(String ifMatch, String id) {
    var tag = ifMatch.trim();
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    if (tag.length() > 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
      tag = tag.substring(1, tag.length() - 1);
    }
    try {
      return Long.parseLong(tag);
    } catch (NumberFormatException e) {
      throw new VersionMismatchException(id, null);
    }
  }
}
