/** Helpers for tests that talk to running services and emulators like real clients do. */
@NullMarked
package com.swn.testsupport;

import org.jspecify.annotations.NullMarked;
