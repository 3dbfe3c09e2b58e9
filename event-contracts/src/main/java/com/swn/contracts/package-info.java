/** The integration events' published contracts. */
@NullMarked
package com.swn.contracts;

import org.jspecify.annotations.NullMarked;
