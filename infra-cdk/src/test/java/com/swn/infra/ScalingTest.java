package com.swn.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

/** API services scale on CPU and requests; the ordering worker on queue backlog per task only. */
class ScalingTest {

  private final SynthesizedApp app = SynthesizedApp.development();
  private final SwnShop shop = app.shop();

  @Test
  void scalesTheOrderingServiceOnVisibleMessagesPerRunningTask() {
    String queue = SynthesizedApp.logicalId(shop.ordering().orders().queue());
    String service = SynthesizedApp.logicalId(shop.ordering().service().service());
    app.template(shop.ordering())
        .hasResourceProperties(
            "AWS::ApplicationAutoScaling::ScalingPolicy",
            Map.of(
                "PolicyType",
                "TargetTrackingScaling",
                "TargetTrackingScalingPolicyConfiguration",
                Match.objectLike(
                    Map.of(
                        "TargetValue",
                        100,
                        "CustomizedMetricSpecification",
                        Map.of(
                            "Metrics",
                            List.of(
                                Map.of(
                                    "Id",
                                    "visible",
                                    "ReturnData",
                                    false,
                                    "MetricStat",
                                    Map.of(
                                        "Stat",
                                        "Sum",
                                        "Metric",
                                        Map.of(
                                            "Namespace", "AWS/SQS",
                                            "MetricName", "ApproximateNumberOfMessagesVisible",
                                            "Dimensions",
                                                List.of(
                                                    Map.of(
                                                        "Name",
                                                        "QueueName",
                                                        "Value",
                                                        Map.of(
                                                            "Fn::GetAtt",
                                                            List.of(queue, "QueueName"))))))),
                                Map.of(
                                    "Id",
                                    "running",
                                    "ReturnData",
                                    false,
                                    "MetricStat",
                                    Map.of(
                                        "Stat",
                                        "Average",
                                        "Metric",
                                        Map.of(
                                            "Namespace", "ECS/ContainerInsights",
                                            "MetricName", "RunningTaskCount",
                                            "Dimensions",
                                                List.of(
                                                    Match.objectLike(Map.of("Name", "ClusterName")),
                                                    Map.of(
                                                        "Name",
                                                        "ServiceName",
                                                        "Value",
                                                        Map.of(
                                                            "Fn::GetAtt",
                                                            List.of(service, "Name"))))))),
                                Map.of(
                                    "Id",
                                    "backlogPerTask",
                                    "Expression",
                                    "visible / running",
                                    "Label",
                                    Match.anyValue(),
                                    "ReturnData",
                                    true)))))));
  }

  @Test
  void neverScalesTheOrderingWorkerOnCpu() {
    var policies =
        app.template(shop.ordering()).findResources("AWS::ApplicationAutoScaling::ScalingPolicy");
    assertThat(policies).hasSize(1);
    app.template(shop.ordering())
        .resourcePropertiesCountIs(
            "AWS::ApplicationAutoScaling::ScalingPolicy",
            Map.of(
                "TargetTrackingScalingPolicyConfiguration",
                Match.objectLike(Map.of("PredefinedMetricSpecification", Match.anyValue()))),
            0);
  }

  @Test
  void scalesTheApiServicesOnCpuAndRequestsPerTaskBetweenTheirBounds() {
    for (var stack : List.of(shop.product(), shop.basket())) {
      var template = app.template(stack);
      template.hasResourceProperties(
          "AWS::ApplicationAutoScaling::ScalableTarget",
          Map.of("MinCapacity", 1, "MaxCapacity", 3));
      template.hasResourceProperties(
          "AWS::ApplicationAutoScaling::ScalingPolicy",
          Map.of(
              "TargetTrackingScalingPolicyConfiguration",
              Match.objectLike(
                  Map.of(
                      "TargetValue",
                      60,
                      "PredefinedMetricSpecification",
                      Map.of("PredefinedMetricType", "ECSServiceAverageCPUUtilization")))));
      template.hasResourceProperties(
          "AWS::ApplicationAutoScaling::ScalingPolicy",
          Map.of(
              "TargetTrackingScalingPolicyConfiguration",
              Match.objectLike(
                  Map.of(
                      "TargetValue",
                      3000,
                      "PredefinedMetricSpecification",
                      Match.objectLike(
                          Map.of("PredefinedMetricType", "ALBRequestCountPerTarget"))))));
    }
  }
}
