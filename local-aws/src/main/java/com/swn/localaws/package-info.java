/**
 * Local AWS for runs and tests outside AWS: the single definition of every local resource
 * ({@code local-aws/resources.json}), an idempotent {@link com.swn.localaws.Provisioner}, the
 * {@link com.swn.localaws.ProvisionCommand} used by {@code make up}, and {@link com.swn.localaws.LocalAws}
 * for tests.
 */
@NullMarked
package com.swn.localaws;

import org.jspecify.annotations.NullMarked;
