/** Part of the shared platform wiring. */
@NullMarked
package com.swn.platform.outbox;

import org.jspecify.annotations.NullMarked;
