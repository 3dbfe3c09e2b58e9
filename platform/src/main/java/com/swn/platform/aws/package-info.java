/**
 * How every AWS client of a service behaves when AWS is slow or hangs: attempt and call timeouts,
 * the standard retry mode, and a 503 problem for a request that AWS could not serve in time.
 */
@NullMarked
package com.swn.platform.aws;

import org.jspecify.annotations.NullMarked;
