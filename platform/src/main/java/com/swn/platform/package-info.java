/** Cross-cutting wiring shared by the services. Holds no domain code. */
@NullMarked
package com.swn.platform;

import org.jspecify.annotations.NullMarked;
