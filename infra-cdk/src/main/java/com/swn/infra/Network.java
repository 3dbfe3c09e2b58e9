package com.swn.infra;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.FlowLogTrafficType;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.IpAddresses;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.Construct;

/**
 * The VPC over two availability zones with the egress of {@link Egress}: private subnets for tasks,
 * the internal load balancer and the VPC link; free gateway endpoints for DynamoDB and S3 always;
 * and either one NAT gateway or interface endpoints for the other AWS APIs the tasks call. All
 * traffic is flow-logged.
 */
final class Network extends Construct {

  /**
   * The VPC's address range; a literal so that security-group rules on it can be checked at synth
   * time.
   */
  static final String VPC_CIDR = "10.20.0.0/16";

  private final Vpc vpc;
  private final SubnetSelection appSubnets;

  Network(Construct scope, String id, InfraConfig config, IBucket flowLogBucket) {
    super(scope, id);
    boolean nat = config.egress() == Egress.NAT_GATEWAY;
    SubnetType appSubnetType = nat ? SubnetType.PRIVATE_WITH_EGRESS : SubnetType.PRIVATE_ISOLATED;
    SubnetConfiguration app =
        SubnetConfiguration.builder().name("app").subnetType(appSubnetType).cidrMask(20).build();
    SubnetConfiguration publicSubnets =
        SubnetConfiguration.builder()
            .name("public")
            .subnetType(SubnetType.PUBLIC)
            .cidrMask(24)
            .build();
    this.vpc =
        Vpc.Builder.create(this, "Vpc")
            .ipAddresses(IpAddresses.cidr(VPC_CIDR))
            .maxAzs(2)
            .natGateways(nat ? 1 : 0)
            .subnetConfiguration(nat ? List.of(publicSubnets, app) : List.of(app))
            .restrictDefaultSecurityGroup(false)
            .build();
    this.appSubnets = SubnetSelection.builder().subnetType(appSubnetType).build();
    vpc.addFlowLog(
        "FlowLog",
        FlowLogOptions.builder()
            .destination(FlowLogDestination.toS3(flowLogBucket, "vpc-flow-logs/"))
            .trafficType(FlowLogTrafficType.ALL)
            .build());
    addGatewayEndpoints();
    if (!nat) {
      addInterfaceEndpoints();
    }
  }

  private void addGatewayEndpoints() {
    vpc.addGatewayEndpoint(
        "DynamoDbEndpoint",
        GatewayVpcEndpointOptions.builder()
            .service(GatewayVpcEndpointAwsService.DYNAMODB)
            .subnets(List.of(appSubnets))
            .build());
    vpc.addGatewayEndpoint(
        "S3Endpoint",
        GatewayVpcEndpointOptions.builder()
            .service(GatewayVpcEndpointAwsService.S3)
            .subnets(List.of(appSubnets))
            .build());
  }

  /**
   * ECR (api, dkr), CloudWatch Logs, SQS and EventBridge, reachable on 443 from inside the VPC
   * only.
   */
  private void addInterfaceEndpoints() {
    SecurityGroup endpointSecurityGroup =
        SecurityGroup.Builder.create(this, "EndpointSecurityGroup")
            .vpc(vpc)
            .description("Interface endpoints - HTTPS from inside the VPC")
            .allowAllOutbound(false)
            .build();
    endpointSecurityGroup.addIngressRule(Peer.ipv4(VPC_CIDR), Port.tcp(443), "HTTPS from the VPC");
    Map<String, InterfaceVpcEndpointAwsService> endpoints = new LinkedHashMap<>();
    endpoints.put("EcrApiEndpoint", InterfaceVpcEndpointAwsService.ECR);
    endpoints.put("EcrDockerEndpoint", InterfaceVpcEndpointAwsService.ECR_DOCKER);
    endpoints.put("LogsEndpoint", InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS);
    endpoints.put("SqsEndpoint", InterfaceVpcEndpointAwsService.SQS);
    endpoints.put("EventsEndpoint", InterfaceVpcEndpointAwsService.EVENTBRIDGE);
    endpoints.forEach(
        (id, service) ->
            vpc.addInterfaceEndpoint(
                id,
                InterfaceVpcEndpointOptions.builder()
                    .service(service)
                    .subnets(appSubnets)
                    .securityGroups(List.of(endpointSecurityGroup))
                    .open(false)
                    .privateDnsEnabled(true)
                    .build()));
  }

  Vpc vpc() {
    return vpc;
  }

  SubnetSelection appSubnets() {
    return appSubnets;
  }
}
