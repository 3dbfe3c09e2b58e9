package com.swn.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerInsights;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseApplicationListenerProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.FixedResponseOptions;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerAction;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/**
 * What every service shares: the network, the ECS cluster, the event bus with the dead-letter queue
 * of its rule targets, the internal load balancer and the public HTTP API in front of it.
 */
public final class SharedStack extends Stack {

  /** Port of the internal load balancer's listener (TLS ends at the HTTP API). */
  static final int LISTENER_PORT = 80;

  private final Vpc vpc;
  private final SubnetSelection appSubnets;
  private final Cluster cluster;
  private final EventBus eventBus;
  private final Queue eventTargetDeadLetterQueue;
  private final ApplicationLoadBalancer loadBalancer;
  private final SecurityGroup loadBalancerSecurityGroup;
  private final ApplicationListener listener;
  private final PublicApi api;
  private final Identity identity;

  public SharedStack(Construct scope, String id, StackProps props, InfraConfig config) {
    super(scope, id, props);
    Bucket logBucket = logBucket();
    Network network = new Network(this, "Network", config, logBucket);
    this.vpc = network.vpc();
    this.appSubnets = network.appSubnets();
    this.cluster =
        Cluster.Builder.create(this, "Cluster")
            .vpc(vpc)
            .containerInsightsV2(ContainerInsights.ENABLED)
            .build();
    this.eventBus = EventBus.Builder.create(this, "EventBus").description("SwnEventBus").build();
    this.eventTargetDeadLetterQueue = eventTargetDeadLetterQueue(config);
    this.loadBalancerSecurityGroup =
        SecurityGroup.Builder.create(this, "LoadBalancerSecurityGroup")
            .vpc(vpc)
            .description("Internal ALB - from the VPC link and callers inside the system only")
            .allowAllOutbound(false)
            .build();
    this.loadBalancer =
        ApplicationLoadBalancer.Builder.create(this, "LoadBalancer")
            .vpc(vpc)
            .internetFacing(false)
            .vpcSubnets(appSubnets)
            .securityGroup(loadBalancerSecurityGroup)
            .dropInvalidHeaderFields(true)
            .build();
    enableAccessLogs(logBucket);
    this.listener =
        loadBalancer.addListener(
            "Http",
            BaseApplicationListenerProps.builder()
                .port(LISTENER_PORT)
                .protocol(ApplicationProtocol.HTTP)
                .open(false)
                .defaultAction(
                    ListenerAction.fixedResponse(
                        404,
                        FixedResponseOptions.builder()
                            .contentType("application/problem+json")
                            .messageBody(
                                "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404}")
                            .build()))
                .build());
    this.identity = new Identity(this, "Identity", config);
    this.api =
        new PublicApi(
            this, "Api", config, vpc, appSubnets, listener, loadBalancerSecurityGroup, identity);
    CfnOutput.Builder.create(this, "UserPoolId")
        .description("The Cognito user pool (issuer of the access tokens)")
        .value(identity.userPool().getUserPoolId())
        .build();
    CfnOutput.Builder.create(this, "UserPoolClientId")
        .description("Its app client: sign in with it (infra-cdk/README.md)")
        .value(identity.client().getUserPoolClientId())
        .build();
    CfnOutput.Builder.create(this, "ApiUrl")
        .description("Base URL of the HTTP API (routes /product, /basket, /order)")
        .value(api.url())
        .build();
  }

  private Bucket logBucket() {
    Bucket bucket =
        Bucket.Builder.create(this, "LogBucket")
            .encryption(BucketEncryption.S3_MANAGED)
            .enforceSsl(true)
            .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
            .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
            .lifecycleRules(List.of(LifecycleRule.builder().expiration(Duration.days(90)).build()))
            // Kept on stack deletion in every environment: a non-empty bucket cannot be deleted by
            // CloudFormation, and the logs may be needed after a teardown. See README (teardown).
            .removalPolicy(RemovalPolicy.RETAIN)
            .build();
    Suppressions.add(
        bucket,
        "AwsSolutions-S1",
        "This bucket receives the ALB access logs and VPC flow logs; logging its own access would"
            + " need another bucket that again needs logging.");
    return bucket;
  }

  /**
   * One dead-letter queue for every rule target on the bus, as locally ({@code
   * SwnEventBus-target-dlq}). Its policy admits EventBridge for the rules of this bus only; the
   * rules live in the consumers' stacks, which reference this queue by ARN so that no policy
   * statement has to point back at them.
   */
  private Queue eventTargetDeadLetterQueue(InfraConfig config) {
    Queue queue =
        QueueWithDeadLetter.deadLetter(this, "EventTargetDeadLetterQueue", config.removalPolicy());
    queue.addToResourcePolicy(
        PolicyStatement.Builder.create()
            .sid("AllowRulesOfTheBus")
            .effect(Effect.ALLOW)
            .principals(List.of(new ServicePrincipal("events.amazonaws.com")))
            .actions(List.of("sqs:SendMessage"))
            .resources(List.of(queue.getQueueArn()))
            .conditions(
                Map.of(
                    "ArnLike",
                    Map.of(
                        "aws:SourceArn",
                        formatArn(
                            ArnComponents.builder()
                                .service("events")
                                .resource("rule")
                                .resourceName(eventBus.getEventBusName() + "/*")
                                .arnFormat(ArnFormat.SLASH_RESOURCE_NAME)
                                .build()))))
            .build());
    Suppressions.add(
        queue,
        "AwsSolutions-SQS3",
        "This queue is itself the dead-letter queue of the EventBridge rule targets; it needs no DLQ.");
    return queue;
  }

  /**
   * ALB access logs need the region's ELB log-delivery principal, known only for a concrete region.
   */
  private void enableAccessLogs(Bucket logBucket) {
    if (Token.isUnresolved(getRegion())) {
      software.amazon.awscdk.Annotations.of(loadBalancer)
          .addWarningV2(
              "swn:alb-access-logs",
              "Environment-agnostic synthesis: ALB access logs are off. Deploy with a region to enable them.");
      Suppressions.add(
          loadBalancer,
          "AwsSolutions-ELB2",
          "Environment-agnostic template only: the log-delivery principal depends on the region, so access"
              + " logs are enabled whenever the app is synthesized for a concrete region (every deployment).");
      return;
    }
    loadBalancer.logAccessLogs(logBucket, "alb");
  }

  /**
   * The first two zones of the region, resolved by CloudFormation ({@code Fn::GetAZs}) rather than
   * by a context lookup: synthesis needs no AWS credentials and no {@code cdk.context.json}, and is
   * the same for every account.
   */
  @Override
  public List<String> getAvailabilityZones() {
    return List.of(Fn.select(0, Fn.getAzs()), Fn.select(1, Fn.getAzs()));
  }

  public Vpc vpc() {
    return vpc;
  }

  public SubnetSelection appSubnets() {
    return appSubnets;
  }

  public Cluster cluster() {
    return cluster;
  }

  public EventBus eventBus() {
    return eventBus;
  }

  public Queue eventTargetDeadLetterQueue() {
    return eventTargetDeadLetterQueue;
  }

  public ApplicationLoadBalancer loadBalancer() {
    return loadBalancer;
  }

  public SecurityGroup loadBalancerSecurityGroup() {
    return loadBalancerSecurityGroup;
  }

  public ApplicationListener listener() {
    return listener;
  }

  public PublicApi api() {
    return api;
  }

  public Identity identity() {
    return identity;
  }

  /**
   * The base URL callers inside the VPC use to reach the services through the internal load
   * balancer.
   */
  public String internalUrl() {
    return "http://" + loadBalancer.getLoadBalancerDnsName();
  }

  static Port listenerPort() {
    return Port.tcp(LISTENER_PORT);
  }
}
