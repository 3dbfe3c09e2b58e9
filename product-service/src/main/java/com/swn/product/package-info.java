/** The product catalogue service. */
@NullMarked
package com.swn.product;

import org.jspecify.annotations.NullMarked;
