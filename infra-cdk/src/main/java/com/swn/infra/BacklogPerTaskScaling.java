package com.swn.infra;

import java.util.List;
import software.amazon.awscdk.services.applicationautoscaling.CfnScalingPolicy;
import software.amazon.awscdk.services.applicationautoscaling.CfnScalingPolicy.CustomizedMetricSpecificationProperty;
import software.amazon.awscdk.services.applicationautoscaling.CfnScalingPolicy.TargetTrackingMetricDataQueryProperty;
import software.amazon.awscdk.services.applicationautoscaling.CfnScalingPolicy.TargetTrackingMetricDimensionProperty;
import software.amazon.awscdk.services.applicationautoscaling.CfnScalingPolicy.TargetTrackingMetricProperty;
import software.amazon.awscdk.services.applicationautoscaling.CfnScalingPolicy.TargetTrackingMetricStatProperty;
import software.amazon.awscdk.services.applicationautoscaling.CfnScalingPolicy.TargetTrackingScalingPolicyConfigurationProperty;
import software.amazon.awscdk.services.applicationautoscaling.ScalableTarget;
import software.amazon.awscdk.services.ecs.ICluster;
import software.amazon.awscdk.services.ecs.ScalableTaskCount;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * Target tracking on the queue backlog per running task: {@code ApproximateNumberOfMessagesVisible
 * / RunningTaskCount} held at {@code backlogPerTask}. The L2 {@code ScalableTaskCount} can track
 * one metric only (aws-cdk #34072), so the policy is an L1 {@code CfnScalingPolicy} with a
 * metric-math customized metric. There is deliberately no CPU policy: a worker waiting on long
 * polls shows little CPU, and a CPU policy would scale in against the backlog policy (aws-cdk
 * #20706). {@code RunningTaskCount} comes from Container Insights, which the shared cluster
 * enables.
 */
public final class BacklogPerTaskScaling extends Construct {

  static final String EXPRESSION = "visible / running";

  private final CfnScalingPolicy policy;

  BacklogPerTaskScaling(
      Construct scope,
      String id,
      SpringBootFargateService service,
      ICluster cluster,
      IQueue queue,
      ServiceSize size,
      int backlogPerTask) {
    super(scope, id);
    ScalableTaskCount taskCount = service.autoScaleTaskCount(size);
    // ScalableTaskCount keeps its ScalableTarget (with ECS's service-linked role) as child
    // "Target".
    ScalableTarget target = (ScalableTarget) taskCount.getNode().findChild("Target");
    this.policy =
        CfnScalingPolicy.Builder.create(this, "Policy")
            .policyName("backlog-per-task")
            .policyType("TargetTrackingScaling")
            .scalingTargetId(target.getScalableTargetId())
            .targetTrackingScalingPolicyConfiguration(
                TargetTrackingScalingPolicyConfigurationProperty.builder()
                    .targetValue((double) backlogPerTask)
                    .scaleOutCooldown(60)
                    .scaleInCooldown(300)
                    .customizedMetricSpecification(
                        CustomizedMetricSpecificationProperty.builder()
                            .metrics(
                                List.of(
                                    metric(
                                        "visible",
                                        "AWS/SQS",
                                        "ApproximateNumberOfMessagesVisible",
                                        "Sum",
                                        List.of(dimension("QueueName", queue.getQueueName()))),
                                    metric(
                                        "running",
                                        "ECS/ContainerInsights",
                                        "RunningTaskCount",
                                        "Average",
                                        List.of(
                                            dimension("ClusterName", cluster.getClusterName()),
                                            dimension(
                                                "ServiceName",
                                                service.service().getServiceName()))),
                                    TargetTrackingMetricDataQueryProperty.builder()
                                        .id("backlogPerTask")
                                        .expression(EXPRESSION)
                                        .label("Visible messages per running task")
                                        .returnData(true)
                                        .build()))
                            .build())
                    .build())
            .build();
  }

  private static TargetTrackingMetricDataQueryProperty metric(
      String id,
      String namespace,
      String name,
      String stat,
      List<TargetTrackingMetricDimensionProperty> dimensions) {
    return TargetTrackingMetricDataQueryProperty.builder()
        .id(id)
        .returnData(false)
        .metricStat(
            TargetTrackingMetricStatProperty.builder()
                .stat(stat)
                .metric(
                    TargetTrackingMetricProperty.builder()
                        .namespace(namespace)
                        .metricName(name)
                        .dimensions(dimensions)
                        .build())
                .build())
        .build();
  }

  private static TargetTrackingMetricDimensionProperty dimension(String name, String value) {
    return TargetTrackingMetricDimensionProperty.builder().name(name).value(value).build();
  }

  public CfnScalingPolicy policy() {
    return policy;
  }
}
