package com.swn.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The shared stack: network and egress, cluster, the internal load balancer, the HTTP API and its
 * VPC link.
 */
class SharedStackTest {

  private final SynthesizedApp app = SynthesizedApp.development();
  private final Template template = app.template(app.shop().shared());

  @Test
  void spansTwoAvailabilityZonesWithOneNatGatewayAndFreeGatewayEndpointsInDevelopment() {
    template.resourceCountIs("AWS::EC2::Subnet", 4);
    template.resourceCountIs("AWS::EC2::NatGateway", 1);
    template.resourceCountIs("AWS::EC2::VPCEndpoint", 2);
    template.hasResourceProperties(
        "AWS::EC2::VPCEndpoint",
        Map.of(
            "VpcEndpointType",
            "Gateway",
            "ServiceName",
            Match.objectLike(
                Map.of(
                    "Fn::Join", Match.arrayWith(List.of(Match.arrayWith(List.of(".dynamodb"))))))));
    template.hasResourceProperties(
        "AWS::EC2::FlowLog", Map.of("TrafficType", "ALL", "LogDestinationType", "s3"));
  }

  @Test
  void enablesContainerInsightsForRunningTaskCounts() {
    template.hasResourceProperties(
        "AWS::ECS::Cluster",
        Map.of(
            "ClusterSettings", List.of(Map.of("Name", "containerInsights", "Value", "enabled"))));
  }

  @Test
  void routesEveryServicePathThroughTheVpcLinkToTheInternalListener() {
    template.hasResourceProperties(
        "AWS::ElasticLoadBalancingV2::LoadBalancer",
        Map.of("Scheme", "internal", "Type", "application"));
    template.resourceCountIs("AWS::ApiGatewayV2::VpcLink", 1);
    template.resourceCountIs("AWS::ApiGatewayV2::Integration", 1);
    template.hasResourceProperties(
        "AWS::ApiGatewayV2::Integration",
        Map.of(
            "IntegrationType", "HTTP_PROXY",
            "ConnectionType", "VPC_LINK",
            "ConnectionId",
                Map.of("Ref", SynthesizedApp.logicalId(app.shop().shared().api().vpcLink())),
            "IntegrationUri",
                Map.of("Ref", SynthesizedApp.logicalId(app.shop().shared().listener())),
            "IntegrationMethod", "ANY",
            "PayloadFormatVersion", "1.0"));
    List<String> routeKeys =
        template.findResources("AWS::ApiGatewayV2::Route").values().stream()
            .map(route -> (String) properties(route).get("RouteKey"))
            .sorted()
            .toList();
    assertThat(routeKeys)
        .containsExactlyInAnyOrder(
            "GET /product",
            "HEAD /product",
            "GET /product/{id}",
            "HEAD /product/{id}",
            "ANY /product",
            "ANY /product/{proxy+}",
            "GET /basket",
            "ANY /basket",
            "ANY /basket/{proxy+}",
            "GET /order",
            "ANY /order",
            "ANY /order/{proxy+}");
  }

  @Test
  void throttlesAndLogsTheDefaultStage() {
    template.hasResourceProperties(
        "AWS::ApiGatewayV2::Stage",
        Map.of(
            "StageName",
            "$default",
            "AutoDeploy",
            true,
            "DefaultRouteSettings",
            Map.of("ThrottlingRateLimit", 50, "ThrottlingBurstLimit", 100),
            "AccessLogSettings",
            Map.of(
                "DestinationArn", Match.anyValue(),
                "Format",
                    Match.stringLikeRegexp(
                        ".*\\$context.requestId.*\\$context.integrationErrorMessage.*"))));
  }

  @Test
  void answersCorsPreflightsForTheHeadersTheServicesUse() {
    template.hasResourceProperties(
        "AWS::ApiGatewayV2::Api",
        Map.of(
            "ProtocolType",
            "HTTP",
            "CorsConfiguration",
            Match.objectLike(
                Map.of(
                    "AllowOrigins", List.of("*"),
                    "AllowHeaders", Match.arrayWith(List.of("If-Match", "Idempotency-Key")),
                    "ExposeHeaders", Match.arrayWith(List.of("ETag", "Location"))))));
  }

  @Test
  void admitsOnlyTheVpcLinkToTheLoadBalancerAndLetsTheVpcLinkReachNothingElse() {
    String loadBalancerGroup =
        SynthesizedApp.logicalId(app.shop().shared().loadBalancerSecurityGroup());
    template.hasResourceProperties(
        "AWS::EC2::SecurityGroup",
        Map.of(
            "GroupDescription", Match.stringLikeRegexp("Internal ALB.*"),
            "SecurityGroupIngress", Match.absent(),
            "SecurityGroupEgress",
                List.of(Match.objectLike(Map.of("CidrIp", "255.255.255.255/32")))));
    Map<String, Map<String, Object>> ingress =
        template.findResources("AWS::EC2::SecurityGroupIngress");
    assertThat(ingress).hasSize(1);
    Map<String, Object> rule = properties(ingress.values().iterator().next());
    assertThat(rule)
        .containsEntry("GroupId", Map.of("Fn::GetAtt", List.of(loadBalancerGroup, "GroupId")))
        .containsEntry("FromPort", 80)
        .containsEntry("ToPort", 80)
        .doesNotContainKey("CidrIp");
    template.hasResourceProperties(
        "AWS::EC2::SecurityGroupEgress",
        Map.of(
            "DestinationSecurityGroupId",
                Map.of("Fn::GetAtt", List.of(loadBalancerGroup, "GroupId")),
            "FromPort", 80,
            "ToPort", 80));
  }

  @Test
  void answersUnknownPathsAtTheLoadBalancerWithAProblem() {
    template.hasResourceProperties(
        "AWS::ElasticLoadBalancingV2::Listener",
        Map.of(
            "Port",
            80,
            "DefaultActions",
            List.of(
                Match.objectLike(
                    Map.of(
                        "Type",
                        "fixed-response",
                        "FixedResponseConfig",
                        Match.objectLike(
                            Map.of(
                                "StatusCode",
                                "404",
                                "ContentType",
                                "application/problem+json")))))));
  }

  @Test
  void writesLoadBalancerAccessLogsWhenTheRegionIsKnown() {
    template.hasResourceProperties(
        "AWS::ElasticLoadBalancingV2::LoadBalancer",
        Map.of(
            "LoadBalancerAttributes",
            Match.arrayWith(List.of(Map.of("Key", "access_logs.s3.enabled", "Value", "true")))));
  }

  @Test
  void exportsTheApiUrl() {
    template.hasOutput("ApiUrl", Map.of("Value", Match.anyValue()));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> properties(Object resource) {
    return (Map<String, Object>) ((Map<String, Object>) resource).get("Properties");
  }
}
