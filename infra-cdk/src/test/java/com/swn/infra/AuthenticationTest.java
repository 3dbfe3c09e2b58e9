package com.swn.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The HTTP API lets only the catalogue reads through without a token; the user pool behind the JWT
 * authorizer is the stack's own; operator routes need the operators scope; the services are told
 * whom to trust.
 */
class AuthenticationTest {

  private static final Set<String> PUBLIC =
      Set.of("GET /product", "HEAD /product", "GET /product/{id}", "HEAD /product/{id}");
  private static final Set<String> OPERATOR =
      Set.of("ANY /product", "ANY /product/{proxy+}", "GET /basket", "GET /order");

  private final SynthesizedApp app = SynthesizedApp.development();
  private final Template shared = app.template(app.shop().shared());

  @Test
  @SuppressWarnings("unchecked")
  void everyRouteButThePublicCatalogueReadsHasTheJwtAuthorizerAndOperatorRoutesTheScope() {
    var routes = shared.findResources("AWS::ApiGatewayV2::Route");
    assertThat(routes).hasSize(12);
    String authorizer =
        shared.findResources("AWS::ApiGatewayV2::Authorizer").keySet().iterator().next();
    for (var route : routes.values()) {
      var properties = (Map<String, Object>) ((Map<String, Object>) route).get("Properties");
      var key = (String) properties.get("RouteKey");
      if (PUBLIC.contains(key)) {
        assertThat(properties.get("AuthorizationType")).as(key).isIn(null, "NONE");
        assertThat(properties).as(key).doesNotContainKey("AuthorizerId");
      } else {
        assertThat(properties.get("AuthorizationType")).as(key).isEqualTo("JWT");
        assertThat(properties.get("AuthorizerId")).as(key).isEqualTo(Map.of("Ref", authorizer));
        assertThat((List<String>) properties.get("AuthorizationScopes"))
            .as(key)
            .isEqualTo(OPERATOR.contains(key) ? List.of(Identity.OPERATORS_SCOPE) : null);
      }
    }
  }

  @Test
  void theAuthorizerTrustsTheStacksOwnUserPoolAndAppClient() {
    shared.resourceCountIs("AWS::Cognito::UserPool", 1);
    shared.resourceCountIs("AWS::Cognito::UserPoolClient", 1);
    shared.hasResourceProperties(
        "AWS::ApiGatewayV2::Authorizer",
        Map.of(
            "AuthorizerType", "JWT",
            "IdentitySource", List.of("$request.header.Authorization"),
            "JwtConfiguration",
                Map.of(
                    "Audience",
                        List.of(
                            Map.of(
                                "Ref",
                                SynthesizedApp.logicalId(
                                    app.shop()
                                        .shared()
                                        .identity()
                                        .client()
                                        .getNode()
                                        .getDefaultChild()))),
                    "Issuer",
                        Match.objectLike(
                            Map.of(
                                "Fn::Join",
                                Match.arrayWith(
                                    List.of(
                                        Match.arrayWith(
                                            List.of(
                                                Map.of(
                                                    "Ref",
                                                    SynthesizedApp.logicalId(
                                                        app.shop()
                                                            .shared()
                                                            .identity()
                                                            .userPool()
                                                            .getNode()
                                                            .getDefaultChild())))))))))));
    shared.hasResourceProperties("AWS::Cognito::UserPoolGroup", Map.of("GroupName", "operators"));
    shared.hasResourceProperties(
        "AWS::Cognito::UserPool",
        Map.of(
            "AdminCreateUserConfig", Map.of("AllowAdminCreateUserOnly", true),
            "LambdaConfig",
                Match.objectLike(
                    Map.of(
                        "PreTokenGenerationConfig",
                        Match.objectLike(Map.of("LambdaVersion", "V2_0"))))));
    // No physical names: the pool and the client get generated ones.
    shared.hasResourceProperties(
        "AWS::Cognito::UserPool",
        Match.not(Match.objectLike(Map.of("UserPoolName", Match.anyValue()))));
  }

  @Test
  void theTriggerAddsTheOperatorsScopeOnlyForTheOperatorsGroup() {
    String handler = Identity.operatorScopeHandler();
    assertThat(handler)
        .contains(
            "groupsToOverride",
            "'operators'",
            "scopesToAdd",
            "scopesToSuppress",
            Identity.OPERATORS_SCOPE);
  }

  @Test
  void everyServiceIsToldTheIssuerAndTheAppClient() {
    for (var stack : List.of(app.shop().product(), app.shop().basket(), app.shop().ordering())) {
      app.template(stack)
          .hasResourceProperties(
              "AWS::ECS::TaskDefinition",
              Map.of(
                  "ContainerDefinitions",
                  Match.arrayWith(
                      List.of(
                          Match.objectLike(
                              Map.of(
                                  "Environment",
                                  Match.arrayWith(
                                      List.of(
                                          Match.objectLike(Map.of("Name", "AUTH_ISSUER")),
                                          Match.objectLike(Map.of("Name", "AUTH_CLIENTS"))))))))));
    }
  }
}
