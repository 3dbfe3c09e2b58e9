/** Part of the shared platform wiring. */
@NullMarked
package com.swn.platform.web;

import org.jspecify.annotations.NullMarked;
