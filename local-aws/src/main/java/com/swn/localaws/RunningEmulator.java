package com.swn.localaws;

import java.net.URI;

/**
 * An emulator that {@link LocalAws} started in this JVM (moto process or container): where it
 * answers, the region and credentials to use, and how to stop it.
 */
record RunningEmulator(
    Emulator emulator,
    URI endpoint,
    String region,
    String accessKeyId,
    String secretAccessKey,
    String description,
    Runnable stop) {

  AwsSettings settings() {
    return new AwsSettings(
        endpoint, region, AwsSettings.staticCredentials(accessKeyId, secretAccessKey));
  }
}
