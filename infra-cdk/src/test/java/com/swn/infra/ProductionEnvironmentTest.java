package com.swn.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * {@code env=prod}, synthesized without account or region (as {@code make synth} does offline): no
 * NAT, interface endpoints instead, retained and deletion-protected data, more tasks, stack
 * termination protection.
 */
class ProductionEnvironmentTest {

  private final SynthesizedApp app = SynthesizedApp.production();
  private final SwnShop shop = app.shop();

  @Test
  void reachesAwsThroughEndpointsWithoutNatOrInternetRoute() {
    Template shared = app.template(shop.shared());
    shared.resourceCountIs("AWS::EC2::NatGateway", 0);
    shared.resourceCountIs("AWS::EC2::InternetGateway", 0);
    shared.resourceCountIs("AWS::EC2::Subnet", 2);
    shared.resourcePropertiesCountIs(
        "AWS::EC2::VPCEndpoint", Map.of("VpcEndpointType", "Interface"), 5);
    shared.resourcePropertiesCountIs(
        "AWS::EC2::VPCEndpoint", Map.of("VpcEndpointType", "Gateway"), 2);
    String services = shared.findResources("AWS::EC2::VPCEndpoint").values().toString();
    assertThat(services)
        .contains(".ecr.api", ".ecr.dkr", ".logs", ".sqs", ".events", ".dynamodb", ".s3");
  }

  @Test
  void keepsAndProtectsDataWhenAStackIsDeleted() {
    for (Stack stack : List.of(shop.product(), shop.basket(), shop.ordering())) {
      Template template = app.template(stack);
      template.allResourcesProperties(
          "AWS::DynamoDB::Table", Map.of("DeletionProtectionEnabled", true));
      template.allResources(
          "AWS::DynamoDB::Table",
          Map.of("DeletionPolicy", "Retain", "UpdateReplacePolicy", "Retain"));
      template.hasResourceProperties(
          "AWS::ApplicationAutoScaling::ScalableTarget",
          Map.of("MinCapacity", 2, "MaxCapacity", 10));
    }
    for (Stack stack : List.of(shop.shared(), shop.basket(), shop.ordering())) {
      app.template(stack).allResources("AWS::SQS::Queue", Map.of("DeletionPolicy", "Retain"));
    }
    assertThat(shop.shared().getTerminationProtection()).isTrue();
  }

  @Test
  void warnsThatLoadBalancerAccessLogsNeedARegion() {
    Annotations.fromStack(shop.shared())
        .hasWarning(
            "/" + shop.shared().getStackName() + "/LoadBalancer",
            Match.stringLikeRegexp(".*access logs are off.*"));
    app.template(shop.shared())
        .hasResourceProperties(
            "AWS::ElasticLoadBalancingV2::LoadBalancer",
            Map.of(
                "LoadBalancerAttributes",
                Match.not(
                    Match.arrayWith(
                        List.of(Match.objectLike(Map.of("Key", "access_logs.s3.enabled")))))));
  }
}
