package com.swn.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** What every service stack's Fargate service must look like. */
class ServiceStacksTest {

  private static final SynthesizedApp APP = SynthesizedApp.development();

  static Stream<Arguments> services() {
    SwnShop shop = APP.shop();
    return Stream.of(
        Arguments.of(shop.product(), shop.product().service(), 8081, "/product", 40),
        Arguments.of(shop.basket(), shop.basket().service(), 8082, "/basket", 80),
        Arguments.of(shop.ordering(), shop.ordering().service(), 8083, "/order", 60));
  }

  @ParameterizedTest
  @MethodSource("services")
  void runsOnArm64WithALivenessHealthCheckAndAStopTimeoutCoveringTheGracefulShutdown(
      Stack stack, SpringBootFargateService service, int port, String path, int stopTimeout) {
    Template template = APP.template(stack);
    template.hasResourceProperties(
        "AWS::ECS::TaskDefinition",
        Map.of(
            "RequiresCompatibilities", List.of("FARGATE"),
            "NetworkMode", "awsvpc",
            "RuntimePlatform", Map.of("CpuArchitecture", "ARM64", "OperatingSystemFamily", "LINUX"),
            "ContainerDefinitions",
                List.of(
                    Match.objectLike(
                        Map.of(
                            "PortMappings",
                                List.of(Match.objectLike(Map.of("ContainerPort", port))),
                            "StopTimeout", stopTimeout,
                            "HealthCheck",
                                Match.objectLike(
                                    Map.of(
                                        "Command",
                                        List.of(
                                            "CMD-SHELL",
                                            Match.stringLikeRegexp(
                                                ".*http://127.0.0.1:"
                                                    + port
                                                    + "/actuator/health/liveness.*")))),
                            "LogConfiguration",
                                Match.objectLike(Map.of("LogDriver", "awslogs")))))));
  }

  @ParameterizedTest
  @MethodSource("services")
  void runsWithAReadOnlyRootFileSystemAndAWritableTmp(
      Stack stack, SpringBootFargateService service, int port, String path, int stopTimeout) {
    APP.template(stack)
        .hasResourceProperties(
            "AWS::ECS::TaskDefinition",
            Map.of(
                "Volumes", List.of(Map.of("Name", "tmp")),
                "ContainerDefinitions",
                    List.of(
                        Match.objectLike(
                            Map.of(
                                "ReadonlyRootFilesystem",
                                true,
                                "MountPoints",
                                List.of(
                                    Map.of(
                                        "ContainerPath",
                                        "/tmp",
                                        "SourceVolume",
                                        "tmp",
                                        "ReadOnly",
                                        false)))))));
  }

  @ParameterizedTest
  @MethodSource("services")
  void rollsBackFailedDeploymentsAndKeepsTasksPrivate(
      Stack stack, SpringBootFargateService service, int port, String path, int stopTimeout) {
    APP.template(stack)
        .hasResourceProperties(
            "AWS::ECS::Service",
            Map.of(
                "LaunchType", "FARGATE",
                "DeploymentConfiguration",
                    Match.objectLike(
                        Map.of(
                            "DeploymentCircuitBreaker",
                            Map.of("Enable", true, "Rollback", true),
                            "MinimumHealthyPercent",
                            100)),
                "NetworkConfiguration",
                    Map.of(
                        "AwsvpcConfiguration",
                        Match.objectLike(Map.of("AssignPublicIp", "DISABLED")))));
  }

  @ParameterizedTest
  @MethodSource("services")
  void receivesItsPathsFromTheSharedListenerAndChecksReadiness(
      Stack stack, SpringBootFargateService service, int port, String path, int stopTimeout) {
    Template template = APP.template(stack);
    template.hasResourceProperties(
        "AWS::ElasticLoadBalancingV2::TargetGroup",
        Map.of(
            "Port",
            port,
            "TargetType",
            "ip",
            "HealthCheckPath",
            "/actuator/health/readiness",
            "Matcher",
            Map.of("HttpCode", "200")));
    template.hasResourceProperties(
        "AWS::ElasticLoadBalancingV2::ListenerRule",
        Map.of(
            "Conditions",
            List.of(
                Map.of(
                    "Field",
                    "path-pattern",
                    "PathPatternConfig",
                    Map.of("Values", List.of(path, path + "/*"))))));
  }

  @ParameterizedTest
  @MethodSource("services")
  void admitsTrafficFromTheLoadBalancerOnlyOnItsPort(
      Stack stack, SpringBootFargateService service, int port, String path, int stopTimeout) {
    String serviceGroup =
        SynthesizedApp.logicalId(service.service().getConnections().getSecurityGroups().getFirst());
    List<Map<String, Object>> ingressToService =
        APP.resources(stack).values().stream()
            .filter(r -> r.get("Type").equals("AWS::EC2::SecurityGroupIngress"))
            .map(ServiceStacksTest::properties)
            .filter(
                p ->
                    p.get("GroupId").equals(Map.of("Fn::GetAtt", List.of(serviceGroup, "GroupId"))))
            .toList();
    assertThat(ingressToService).hasSize(1);
    assertThat(ingressToService.getFirst())
        .containsEntry("FromPort", port)
        .containsEntry("ToPort", port)
        .doesNotContainKeys("CidrIp", "CidrIpv6")
        .extractingByKey("SourceSecurityGroupId")
        .asString()
        .contains("LoadBalancerSecurityGroup");
    APP.template(stack)
        .hasResourceProperties(
            "AWS::EC2::SecurityGroup",
            Map.of(
                "SecurityGroupIngress",
                Match.absent(),
                "GroupDescription",
                Match.stringLikeRegexp(".*Service.*")));
  }

  @ParameterizedTest
  @MethodSource("services")
  void keepsItsLogsForTheConfiguredRetention(
      Stack stack, SpringBootFargateService service, int port, String path, int stopTimeout) {
    APP.template(stack).hasResourceProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 14));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> properties(Map<String, Object> resource) {
    return (Map<String, Object>) resource.get("Properties");
  }
}
