/** Part of the shared platform wiring. */
@NullMarked
package com.swn.platform.events;

import org.jspecify.annotations.NullMarked;
