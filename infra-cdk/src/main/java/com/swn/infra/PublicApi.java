package com.swn.infra;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpJwtAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpAlbIntegration;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpAlbIntegrationProps;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.CorsHttpMethod;
import software.amazon.awscdk.services.apigatewayv2.CorsPreflightOptions;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpNoneAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogDestination;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.apigatewayv2.VpcLink;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.elasticloadbalancingv2.IApplicationListener;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * The public entry point: an API Gateway HTTP API whose routes reach the internal load balancer
 * through a VPC link (private integration). The route table is the local gateway's: each service's
 * root and everything below it; the load balancer's listener rules then pick the service.
 */
public final class PublicApi extends Construct {

  /** Who may call a route: anyone, any valid access token of the pool, or an operator's. */
  public enum Access {
    PUBLIC,
    TOKEN,
    OPERATOR
  }

  /** One route of the table. */
  public record Route(HttpMethod method, String path, Access access) {}

  /**
   * The route table, as the local gateway applies it ({@code EdgeAuthorization}): each service root
   * and its {@code {proxy+}} sub-tree; the catalogue reads are public, product writes and the
   * list-everything reads are the operators', everything else needs a valid token (ownership is the
   * services' rule). A request takes the most specific route: {@code GET /product/{id}} before
   * {@code ANY /product/{proxy+}}.
   */
  public static final List<Route> ROUTES =
      List.of(
          new Route(HttpMethod.GET, "/product", Access.PUBLIC),
          new Route(HttpMethod.HEAD, "/product", Access.PUBLIC),
          new Route(HttpMethod.GET, "/product/{id}", Access.PUBLIC),
          new Route(HttpMethod.HEAD, "/product/{id}", Access.PUBLIC),
          new Route(HttpMethod.ANY, "/product", Access.OPERATOR),
          new Route(HttpMethod.ANY, "/product/{proxy+}", Access.OPERATOR),
          new Route(HttpMethod.GET, "/basket", Access.OPERATOR),
          new Route(HttpMethod.ANY, "/basket", Access.TOKEN),
          new Route(HttpMethod.ANY, "/basket/{proxy+}", Access.TOKEN),
          new Route(HttpMethod.GET, "/order", Access.OPERATOR),
          new Route(HttpMethod.ANY, "/order", Access.TOKEN),
          new Route(HttpMethod.ANY, "/order/{proxy+}", Access.TOKEN));

  private final HttpApi httpApi;
  private final HttpStage stage;
  private final VpcLink vpcLink;
  private final LogGroup accessLogs;

  PublicApi(
      Construct scope,
      String id,
      InfraConfig config,
      IVpc vpc,
      SubnetSelection subnets,
      IApplicationListener listener,
      SecurityGroup loadBalancerSecurityGroup,
      Identity identity) {
    super(scope, id);
    SecurityGroup vpcLinkSecurityGroup =
        SecurityGroup.Builder.create(this, "VpcLinkSecurityGroup")
            .vpc(vpc)
            .description("HTTP API VPC link - may reach the internal load balancer listener only")
            .allowAllOutbound(false)
            .build();
    vpcLinkSecurityGroup.addEgressRule(
        loadBalancerSecurityGroup,
        SharedStack.listenerPort(),
        "VPC link to the internal load balancer");
    loadBalancerSecurityGroup.addIngressRule(
        vpcLinkSecurityGroup, SharedStack.listenerPort(), "HTTP API VPC link");
    this.vpcLink =
        VpcLink.Builder.create(this, "VpcLink")
            .vpc(vpc)
            .subnets(subnets)
            .securityGroups(List.of(vpcLinkSecurityGroup))
            .build();
    this.httpApi =
        HttpApi.Builder.create(this, "HttpApi")
            .description(
                "SWN shop (" + config.envName() + "): product, basket and ordering services")
            .createDefaultStage(false)
            .corsPreflight(cors(config))
            .build();
    this.accessLogs =
        LogGroup.Builder.create(this, "AccessLogs")
            .retention(config.logRetention())
            .removalPolicy(config.removalPolicy())
            .build();
    this.stage =
        HttpStage.Builder.create(this, "DefaultStage")
            .httpApi(httpApi)
            .autoDeploy(true)
            .throttle(
                ThrottleSettings.builder()
                    .rateLimit(config.api().rateLimit())
                    .burstLimit(config.api().burstLimit())
                    .build())
            .accessLogSettings(accessLogSettings(accessLogs))
            .build();
    HttpAlbIntegration integration =
        new HttpAlbIntegration(
            "Services",
            listener,
            HttpAlbIntegrationProps.builder()
                .vpcLink(vpcLink)
                .method(HttpMethod.ANY)
                .timeout(Duration.seconds(29))
                .build());
    // Cognito access tokens carry no aud: the authorizer then matches client_id against the
    // audience.
    HttpJwtAuthorizer authorizer =
        HttpJwtAuthorizer.Builder.create("UserPool", identity.issuer())
            .jwtAudience(List.of(identity.client().getUserPoolClientId()))
            .identitySource(List.of("$request.header.Authorization"))
            .build();
    for (Route route : ROUTES) {
      AddRoutesOptions.Builder options =
          AddRoutesOptions.builder()
              .path(route.path())
              .methods(List.of(route.method()))
              .integration(integration);
      if (route.access() == Access.PUBLIC) {
        // The catalogue reads, open to anyone as in the local gateway.
        options.authorizer(new HttpNoneAuthorizer());
      } else {
        options.authorizer(authorizer);
        if (route.access() == Access.OPERATOR) {
          options.authorizationScopes(Identity.operatorScopes());
        }
      }
      httpApi.addRoutes(options.build());
    }
    for (Route route : ROUTES) {
      if (route.access() == Access.PUBLIC) {
        Suppressions.add(
            httpApi,
            "AwsSolutions-APIG4",
            "The catalogue reads (GET/HEAD /product, /product/{id}) are public by design; every other route has"
                + " the user pool's JWT authorizer.");
        break;
      }
    }
  }

  private static CorsPreflightOptions cors(InfraConfig config) {
    return CorsPreflightOptions.builder()
        .allowOrigins(config.api().corsOrigins())
        .allowMethods(
            List.of(
                CorsHttpMethod.GET,
                CorsHttpMethod.HEAD,
                CorsHttpMethod.POST,
                CorsHttpMethod.PUT,
                CorsHttpMethod.PATCH,
                CorsHttpMethod.DELETE,
                CorsHttpMethod.OPTIONS))
        .allowHeaders(
            List.of(
                "Authorization",
                "Content-Type",
                "Accept",
                "If-Match",
                "If-None-Match",
                "Idempotency-Key",
                "X-Request-Id"))
        .exposeHeaders(
            List.of("ETag", "Location", "Retry-After", "Idempotent-Replayed", "X-Request-Id"))
        .maxAge(Duration.hours(1))
        .build();
  }

  /** One JSON object per request, with the fields needed to trace a failure to the integration. */
  private static IAccessLogSettings accessLogSettings(LogGroup logGroup) {
    AccessLogFormat format =
        AccessLogFormat.custom(
            "{\"requestId\":\"$context.requestId\",\"ip\":\"$context.identity.sourceIp\","
                + "\"requestTime\":\"$context.requestTime\",\"method\":\"$context.httpMethod\","
                + "\"routeKey\":\"$context.routeKey\",\"path\":\"$context.path\","
                + "\"status\":\"$context.status\",\"protocol\":\"$context.protocol\","
                + "\"responseLength\":\"$context.responseLength\","
                + "\"responseLatency\":\"$context.responseLatency\","
                + "\"integrationStatus\":\"$context.integration.status\","
                + "\"integrationLatency\":\"$context.integration.latency\","
                + "\"integrationError\":\"$context.integrationErrorMessage\"}");
    IAccessLogDestination destination = new LogGroupLogDestination(logGroup);
    return new IAccessLogSettings() {
      @Override
      public IAccessLogDestination getDestination() {
        return destination;
      }

      @Override
      public AccessLogFormat getFormat() {
        return format;
      }
    };
  }

  public HttpApi httpApi() {
    return httpApi;
  }

  public HttpStage stage() {
    return stage;
  }

  public VpcLink vpcLink() {
    return vpcLink;
  }

  public LogGroup accessLogs() {
    return accessLogs;
  }

  /** The stage's invoke URL (ends with a slash). */
  public String url() {
    return stage.getUrl();
  }
}
