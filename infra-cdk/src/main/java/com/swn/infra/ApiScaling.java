package com.swn.infra;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.ecs.CpuUtilizationScalingProps;
import software.amazon.awscdk.services.ecs.RequestCountScalingProps;
import software.amazon.awscdk.services.ecs.ScalableTaskCount;

/**
 * Scaling of a request-serving service: two target-tracking policies, CPU and ALB requests per
 * task. Either can scale out; both must agree to scale in.
 */
final class ApiScaling {

  private ApiScaling() {}

  static ScalableTaskCount apply(
      SpringBootFargateService service, ServiceSize size, InfraConfig.ScalingTargets targets) {
    ScalableTaskCount scaling = service.autoScaleTaskCount(size);
    scaling.scaleOnCpuUtilization(
        "Cpu",
        CpuUtilizationScalingProps.builder()
            .targetUtilizationPercent(targets.cpuPercent())
            .scaleOutCooldown(Duration.seconds(60))
            .scaleInCooldown(Duration.seconds(300))
            .build());
    scaling.scaleOnRequestCount(
        "Requests",
        RequestCountScalingProps.builder()
            .requestsPerTarget(targets.requestsPerTask())
            .targetGroup(service.targetGroup())
            .scaleOutCooldown(Duration.seconds(60))
            .scaleInCooldown(Duration.seconds(300))
            .build());
    return scaling;
  }
}
