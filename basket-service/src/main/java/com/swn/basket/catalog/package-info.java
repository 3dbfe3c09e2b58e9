/** The client of the product catalogue, the only source of product names and prices. */
@NullMarked
package com.swn.basket.catalog;

import org.jspecify.annotations.NullMarked;
