/** Part of the shared platform wiring. */
@NullMarked
package com.swn.platform.dynamodb;

import org.jspecify.annotations.NullMarked;
