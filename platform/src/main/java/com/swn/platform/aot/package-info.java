/** Checks that the Spring AOT code a service runs was generated for the way it is started. */
@NullMarked
package com.swn.platform.aot;

import org.jspecify.annotations.NullMarked;
