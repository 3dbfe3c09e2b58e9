package com.swn.infra;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.applicationautoscaling.EnableScalingProps;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SecurityGroupImportOptions;
import software.amazon.awscdk.services.ecr.assets.Platform;
import software.amazon.awscdk.services.ecs.AssetImageProps;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.ContainerDefinition;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.CpuArchitecture;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.FargatePlatformVersion;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.LogDriver;
import software.amazon.awscdk.services.ecs.MountPoint;
import software.amazon.awscdk.services.ecs.OperatingSystemFamily;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.ecs.PropagatedTagSource;
import software.amazon.awscdk.services.ecs.RuntimePlatform;
import software.amazon.awscdk.services.ecs.ScalableTaskCount;
import software.amazon.awscdk.services.ecs.Volume;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListenerAttributes;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListenerRule;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.IApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCondition;
import software.amazon.awscdk.services.elasticloadbalancingv2.TargetType;
import software.amazon.awscdk.services.events.IEventBus;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * A Spring Boot service on Fargate (ARM64) behind the shared internal load balancer: image built
 * from the repository's one service Dockerfile (the module and port as build arguments) with the
 * repository root as context, a container health check on the liveness probe and a target-group
 * health check on the readiness probe, a deployment circuit breaker that rolls back, its own log
 * group, and a security group that admits the load balancer only. Beside the service runs an ADOT
 * collector ({@code infra-cdk/otel-collector}): the service exports its spans to it over the task's
 * loopback, and it sends them to X-Ray.
 */
public final class SpringBootFargateService extends Construct {

  /**
   * Files never sent to the Docker build context (build output, VCS, local run state, virtualenvs).
   */
  static final List<String> IMAGE_EXCLUDES =
      List.of(
          "**/target",
          "**/target/**",
          ".git",
          ".git/**",
          "**/node_modules",
          "**/cdk.out",
          "**/cdk.out/**",
          ".venv*",
          ".run",
          ".tools",
          ".idea",
          ".vscode",
          "*.iml",
          "*.log");

  /** The services' Dockerfile, relative to the repository root (the build context). */
  static final String DOCKERFILE = "Dockerfile";

  static final String READINESS_PATH = "/actuator/health/readiness";

  static final String METRICS_NAMESPACE_PROPERTY = "management.cloudwatch.metrics.export.namespace";

  /** Spring Boot's relaxed binding of {@link #METRICS_NAMESPACE_PROPERTY}. */
  static final String METRICS_NAMESPACE_VARIABLE = "MANAGEMENT_CLOUDWATCH_METRICS_EXPORT_NAMESPACE";

  static final String LIVENESS_PATH = "/actuator/health/liveness";

  /**
   * Where the service sends its spans: the collector sidecar's OTLP/HTTP receiver, on the task's
   * loopback.
   */
  static final String TRACES_ENDPOINT = "http://127.0.0.1:4318/v1/traces";

  static final String TRACES_ENDPOINT_PROPERTY =
      "management.opentelemetry.tracing.export.otlp.endpoint";

  /** Spring Boot's relaxed binding of {@link #TRACES_ENDPOINT_PROPERTY}. */
  static final String TRACES_ENDPOINT_VARIABLE =
      "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT";

  /**
   * Share of the requests traced in AWS (locally every one is): X-Ray bills per trace recorded, and
   * a tenth shows every path of a busy system. A trace is decided once, where it starts, and
   * followed by every service it reaches, so sampled traces are always whole.
   */
  static final String TRACE_SAMPLING = "0.1";

  /** The X-Ray actions the collector needs; they have no resource-level permissions. */
  static final List<String> XRAY_ACTIONS =
      List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords");

  static final String COLLECTOR_DIRECTORY = "infra-cdk/otel-collector";

  private static final String TMP_VOLUME = "tmp";

  /**
   * What differs between the services.
   *
   * @param module Maven module the image builds, e.g. {@code product-service}
   * @param port the HTTP port the service listens on
   * @param pathPrefix the public path it owns, e.g. {@code /product} (and everything below it)
   * @param listenerPriority unique priority of its listener rule
   * @param size CPU, memory and task bounds
   * @param stopTimeout SIGTERM-to-SIGKILL time: must exceed the sum of the service's shutdown
   *     phases (Spring stops them one after another; {@code ShutdownBudgetTest} checks each
   *     service)
   * @param environment variables beyond the common ones ({@code SERVER_PORT}, {@code LOG_FORMAT})
   */
  public record Settings(
      String module,
      int port,
      String pathPrefix,
      int listenerPriority,
      ServiceSize size,
      Duration stopTimeout,
      Map<String, String> environment) {
    public Settings {
      environment = Map.copyOf(environment);
      if (stopTimeout.toSeconds().intValue() > 120) {
        throw new InvalidConfigException(
            module + ": Fargate allows a stopTimeout of at most 120 s");
      }
    }
  }

  private final FargateService service;
  private final FargateTaskDefinition taskDefinition;
  private final ApplicationTargetGroup targetGroup;
  private final LogGroup logGroup;
  private final ISecurityGroup loadBalancerSecurityGroup;

  public SpringBootFargateService(
      Construct scope, String id, InfraConfig config, SharedStack shared, Settings settings) {
    super(scope, id);
    this.logGroup =
        LogGroup.Builder.create(this, "Logs")
            .retention(config.logRetention())
            .removalPolicy(config.removalPolicy())
            .build();
    this.taskDefinition =
        FargateTaskDefinition.Builder.create(this, "Task")
            .cpu(settings.size().cpu())
            .memoryLimitMiB(settings.size().memoryMiB())
            .runtimePlatform(
                RuntimePlatform.builder()
                    .cpuArchitecture(CpuArchitecture.ARM64)
                    .operatingSystemFamily(OperatingSystemFamily.LINUX)
                    .build())
            .build();
    // A read-only root file system, as compose runs the images: the JVM (hsperfdata,
    // java.io.tmpdir) and
    // Tomcat (its base directory) write only to /tmp; the AOT cache in /app is only read. /tmp is
    // the
    // task's ephemeral storage, private to the task and gone with it.
    taskDefinition.addVolume(Volume.builder().name(TMP_VOLUME).build());
    ContainerDefinition container =
        taskDefinition.addContainer(
            "app",
            ContainerDefinitionOptions.builder()
                .containerName("app")
                .image(image(config, settings.module(), settings.port()))
                .environment(environment(settings, config.metricsNamespace(), shared.identity()))
                .portMappings(
                    List.of(
                        PortMapping.builder().containerPort(settings.port()).name("http").build()))
                .healthCheck(containerHealthCheck(settings.port()))
                .stopTimeout(settings.stopTimeout())
                .readonlyRootFilesystem(true)
                .logging(
                    LogDriver.awsLogs(
                        AwsLogDriverProps.builder()
                            .logGroup(logGroup)
                            .streamPrefix(settings.module())
                            .build()))
                .build());
    container.addMountPoints(
        MountPoint.builder()
            .sourceVolume(TMP_VOLUME)
            .containerPath("/tmp")
            .readOnly(false)
            .build());
    addCollector(config, settings.module());
    allowMetricsExport(config.metricsNamespace());
    this.service =
        FargateService.Builder.create(this, "Service")
            .cluster(shared.cluster())
            .taskDefinition(taskDefinition)
            .desiredCount(settings.size().minTasks())
            .minHealthyPercent(100)
            .maxHealthyPercent(200)
            .circuitBreaker(DeploymentCircuitBreaker.builder().enable(true).rollback(true).build())
            .vpcSubnets(shared.appSubnets())
            .assignPublicIp(false)
            .platformVersion(FargatePlatformVersion.LATEST)
            .healthCheckGracePeriod(Duration.seconds(90))
            .propagateTags(PropagatedTagSource.SERVICE)
            .enableEcsManagedTags(true)
            .build();
    // The shared listener and the load balancer's security group, imported into this stack: the
    // rules
    // that let the load balancer reach this service are created here, so the shared stack never has
    // to
    // reference a service (no dependency cycle), and the load balancer keeps its egress-restricted
    // group.
    this.loadBalancerSecurityGroup =
        SecurityGroup.fromSecurityGroupId(
            this,
            "LoadBalancerSecurityGroup",
            shared.loadBalancerSecurityGroup().getSecurityGroupId(),
            SecurityGroupImportOptions.builder().allowAllOutbound(false).build());
    IApplicationListener listener =
        ApplicationListener.fromApplicationListenerAttributes(
            this,
            "Listener",
            ApplicationListenerAttributes.builder()
                .listenerArn(shared.listener().getListenerArn())
                .securityGroup(loadBalancerSecurityGroup)
                .build());
    this.targetGroup =
        ApplicationTargetGroup.Builder.create(this, "Targets")
            .vpc(shared.vpc())
            .port(settings.port())
            .protocol(ApplicationProtocol.HTTP)
            .targetType(TargetType.IP)
            .targets(List.of(service))
            // Longer than the ALB's keep-alive reuse, shorter than the services' 20 s graceful
            // drain.
            .deregistrationDelay(Duration.seconds(15))
            .healthCheck(
                software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck.builder()
                    .path(READINESS_PATH)
                    .healthyHttpCodes("200")
                    .interval(Duration.seconds(15))
                    .timeout(Duration.seconds(5))
                    .healthyThresholdCount(2)
                    .unhealthyThresholdCount(3)
                    .build())
            .build();
    ApplicationListenerRule.Builder.create(this, "Route")
        .listener(listener)
        .priority(settings.listenerPriority())
        .conditions(
            List.of(
                ListenerCondition.pathPatterns(
                    List.of(settings.pathPrefix(), settings.pathPrefix() + "/*"))))
        .action(ListenerAction.forward(List.of(targetGroup)))
        .build();
  }

  /**
   * The two settings of {@link #environment} that switch an auto-configuration on, as the image's
   * Spring AOT processing needs them (the Dockerfile's {@code SPRING_AOT_ARGUMENTS}): it decides
   * the conditions when the image is built, and a service whose switches differ stops at start-up.
   */
  static String springAotArguments(String metricsNamespace) {
    return "-D"
        + TRACES_ENDPOINT_PROPERTY
        + "="
        + TRACES_ENDPOINT
        + " -D"
        + METRICS_NAMESPACE_PROPERTY
        + "="
        + metricsNamespace;
  }

  /**
   * The one service Dockerfile at the repository root, told the module, the port and the settings
   * its Spring AOT processing decides by build arguments.
   */
  private static ContainerImage image(InfraConfig config, String module, int port) {
    if (!java.nio.file.Files.isRegularFile(config.repoRoot().resolve(DOCKERFILE))) {
      throw new InvalidConfigException(
          DOCKERFILE
              + " is missing under "
              + config.repoRoot()
              + ": the image asset builds it with the repository root as context");
    }
    if (!java.nio.file.Files.isDirectory(config.repoRoot().resolve(module).resolve("src"))) {
      throw new InvalidConfigException(
          module
              + "/src is missing under "
              + config.repoRoot()
              + ": "
              + DOCKERFILE
              + " builds that module");
    }
    return ContainerImage.fromAsset(
        config.repoRoot().toString(),
        AssetImageProps.builder()
            .file(DOCKERFILE)
            .buildArgs(
                Map.of(
                    "MODULE",
                    module,
                    "PORT",
                    String.valueOf(port),
                    "SPRING_AOT_ARGUMENTS",
                    springAotArguments(config.metricsNamespace())))
            .platform(Platform.LINUX_ARM64)
            .exclude(IMAGE_EXCLUDES)
            .build());
  }

  /**
   * The ADOT collector sidecar. Not essential: a collector that fails costs spans, never requests
   * (the service's exporter drops what it cannot send). Least privilege: the task role gets the two
   * X-Ray write actions and nothing else for tracing; the collector only listens on the loopback.
   */
  private void addCollector(InfraConfig config, String module) {
    Path directory = config.repoRoot().resolve(COLLECTOR_DIRECTORY);
    if (!java.nio.file.Files.isRegularFile(directory.resolve("Dockerfile"))) {
      throw new InvalidConfigException(
          COLLECTOR_DIRECTORY + "/Dockerfile is missing under " + config.repoRoot());
    }
    taskDefinition.addContainer(
        "otel-collector",
        ContainerDefinitionOptions.builder()
            .containerName("otel-collector")
            .image(
                ContainerImage.fromAsset(
                    directory.toString(),
                    AssetImageProps.builder().platform(Platform.LINUX_ARM64).build()))
            .essential(false)
            .memoryReservationMiB(64)
            .readonlyRootFilesystem(true)
            .logging(
                LogDriver.awsLogs(
                    AwsLogDriverProps.builder()
                        .logGroup(logGroup)
                        .streamPrefix(module + "-otel")
                        .build()))
            .build());
    taskDefinition
        .getTaskRole()
        .addToPrincipalPolicy(
            PolicyStatement.Builder.create().actions(XRAY_ACTIONS).resources(List.of("*")).build());
  }

  private static Map<String, String> environment(
      Settings settings, String metricsNamespace, Identity identity) {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("SERVER_PORT", String.valueOf(settings.port()));
    environment.put("LOG_FORMAT", "ecs");
    // Every service validates the tokens itself (the API passes Authorization on): issuer and app
    // client.
    environment.put("AUTH_ISSUER", identity.issuer());
    environment.put("AUTH_CLIENTS", identity.client().getUserPoolClientId());
    environment.put(TRACES_ENDPOINT_VARIABLE, TRACES_ENDPOINT);
    environment.put("TRACING_SAMPLING_PROBABILITY", TRACE_SAMPLING);
    // Turns on the CloudWatch meter registry (off wherever this is unset, e.g. locally).
    environment.put(METRICS_NAMESPACE_VARIABLE, metricsNamespace);
    environment.putAll(new java.util.TreeMap<>(settings.environment()));
    return environment;
  }

  /**
   * Liveness through the loopback interface, as the images' own HEALTHCHECK does: needs {@code
   * /bin/sh} and curl in the image (the services' Dockerfiles install it). Never readiness: it asks
   * DynamoDB, and ECS replaces a task whose container check fails, so a DynamoDB brownout would
   * replace every task at once. A task that cannot reach its tables leaves the load balancer
   * (readiness) and stays running.
   */
  static software.amazon.awscdk.services.ecs.HealthCheck containerHealthCheck(int port) {
    String url = "http://127.0.0.1:" + port + LIVENESS_PATH;
    return software.amazon.awscdk.services.ecs.HealthCheck.builder()
        .command(List.of("CMD-SHELL", "curl -fsS -o /dev/null --max-time 4 " + url + " || exit 1"))
        .interval(Duration.seconds(15))
        .timeout(Duration.seconds(5))
        .retries(3)
        .startPeriod(Duration.seconds(60))
        .build();
  }

  /**
   * PutMetricData has no resource-level permissions; the condition keeps the task to its own
   * namespace, so it can neither fake another system's metrics nor AWS's.
   */
  private void allowMetricsExport(String namespace) {
    taskDefinition
        .getTaskRole()
        .addToPrincipalPolicy(
            PolicyStatement.Builder.create()
                .actions(List.of("cloudwatch:PutMetricData"))
                .resources(List.of("*"))
                .conditions(Map.of("StringEquals", Map.of("cloudwatch:namespace", namespace)))
                .build());
  }

  /**
   * Lets this service call the others through the internal load balancer (the basket reads the
   * product catalogue that way): an ingress rule on the load balancer's group, kept in this
   * service's stack.
   */
  public void allowCallsThroughLoadBalancer() {
    loadBalancerSecurityGroup
        .getConnections()
        .allowFrom(
            service,
            SharedStack.listenerPort(),
            "Service-to-service calls from " + getNode().getId());
  }

  /**
   * Lets this service put events on the bus under one source only ({@code events:source}
   * condition), so it cannot publish another service's events, e.g. the product task a {@code
   * CheckoutBasket}.
   */
  public void allowPublishing(IEventBus bus, String source) {
    taskDefinition
        .getTaskRole()
        .addToPrincipalPolicy(
            PolicyStatement.Builder.create()
                .actions(List.of("events:PutEvents"))
                .resources(List.of(bus.getEventBusArn()))
                .conditions(Map.of("StringEquals", Map.of("events:source", source)))
                .build());
  }

  /** Task-count scaling between the configured bounds. */
  public ScalableTaskCount autoScaleTaskCount(ServiceSize size) {
    return service.autoScaleTaskCount(
        EnableScalingProps.builder()
            .minCapacity(size.minTasks())
            .maxCapacity(size.maxTasks())
            .build());
  }

  public FargateService service() {
    return service;
  }

  public IRole taskRole() {
    return taskDefinition.getTaskRole();
  }

  public FargateTaskDefinition taskDefinition() {
    return taskDefinition;
  }

  public ApplicationTargetGroup targetGroup() {
    return targetGroup;
  }

  public LogGroup logGroup() {
    return logGroup;
  }
}
