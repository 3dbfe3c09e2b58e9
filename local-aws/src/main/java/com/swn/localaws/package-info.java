/**
 * Local AWS for runs and tests outside AWS: the single definition of every local resource ({@code
 * local-aws/resources.json}), an idempotent {@link com.swn.localaws.Provisioner}, the {@link
 * com.swn.localaws.ProvisionCommand} used by {@code make up}, and {@link com.swn.localaws.LocalAws}
 * for tests, which runs them on moto, LocalStack or Floci as {@link
 * com.swn.localaws.EmulatorSelection} decides; {@link com.swn.localaws.EmulatorGap} lists what each
 * emulator lacks and {@link com.swn.localaws.UnsupportedOn} skips a test only where that matters.
 */
@NullMarked
package com.swn.localaws;

import org.jspecify.annotations.NullMarked;
