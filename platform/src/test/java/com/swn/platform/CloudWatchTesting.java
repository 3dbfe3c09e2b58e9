package com.swn.platform;

/**
 * What a test context needs for Spring Cloud AWS's CloudWatch registry to be created: a region and
 * credentials, and a step so long that it sends nothing while the test runs.
 */
public final class CloudWatchTesting {

  public static final String[] PROPERTIES = {
    "spring.cloud.aws.region.static=eu-west-1",
    "spring.cloud.aws.credentials.access-key=test",
    "spring.cloud.aws.credentials.secret-key=test",
    "management.cloudwatch.metrics.export.step=1h"
  };

  private CloudWatchTesting() {}
}
