package com.swn.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cognito.AccountRecovery;
import software.amazon.awscdk.services.cognito.AuthFlow;
import software.amazon.awscdk.services.cognito.FeaturePlan;
import software.amazon.awscdk.services.cognito.LambdaVersion;
import software.amazon.awscdk.services.cognito.Mfa;
import software.amazon.awscdk.services.cognito.MfaSecondFactor;
import software.amazon.awscdk.services.cognito.PasswordPolicy;
import software.amazon.awscdk.services.cognito.SignInAliases;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.cognito.UserPoolClient;
import software.amazon.awscdk.services.cognito.UserPoolClientOptions;
import software.amazon.awscdk.services.cognito.UserPoolGroup;
import software.amazon.awscdk.services.cognito.UserPoolOperation;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * Who the callers are: a Cognito user pool owned by the stack (customers sign in with a user name,
 * which is the {@code username} claim the services read), its {@code operators} group, and one app
 * client whose access tokens the HTTP API's JWT authorizer and the services accept ({@code
 * client_id}).
 *
 * <p>An HTTP API JWT authorizer can require scopes, not groups, so a pre-token-generation trigger
 * (V2) writes the scope {@link #OPERATORS_SCOPE} into the access tokens of members of {@code
 * operators} (and takes it out of everyone else's); the operator-only routes require that scope,
 * and the services check the group itself. The local gateway checks the group at the same routes.
 */
public final class Identity extends Construct {

  /**
   * The group the services read from {@code cognito:groups}; a name inside this pool, not a
   * resource name.
   */
  public static final String OPERATORS_GROUP = "operators";

  /** The scope the operator-only routes require. */
  public static final String OPERATORS_SCOPE = "swn-shop/operators";

  private final UserPool userPool;
  private final UserPoolClient client;

  Identity(Construct scope, String id, InfraConfig config) {
    super(scope, id);
    Function operatorScope =
        Function.Builder.create(this, "OperatorScope")
            .description(
                "Pre token generation: the operators scope for members of the operators group only")
            .runtime(Runtime.NODEJS_24_X)
            .handler("index.handler")
            .memorySize(128)
            .timeout(Duration.seconds(5))
            .logGroup(
                LogGroup.Builder.create(this, "OperatorScopeLogs")
                    .retention(config.logRetention())
                    .removalPolicy(config.removalPolicy())
                    .build())
            .code(Code.fromInline(operatorScopeHandler()))
            .build();
    // The CDK makes a function depend on its role explicitly, and the template's GetAtt of the role
    // already orders them: cfn-lint's W3005 says so. Dropping the DependsOn would also drop any the
    // CDK adds later (e.g. on a default policy), so the finding is silenced here, for this one
    // check.
    ((software.amazon.awscdk.CfnResource)
            java.util.Objects.requireNonNull(operatorScope.getNode().getDefaultChild()))
        .addMetadata("cfn-lint", Map.of("config", Map.of("ignore_checks", List.of("W3005"))));
    this.userPool =
        UserPool.Builder.create(this, "UserPool")
            .selfSignUpEnabled(false)
            .signInAliases(SignInAliases.builder().username(true).build())
            .signInCaseSensitive(true)
            .featurePlan(FeaturePlan.ESSENTIALS)
            .passwordPolicy(
                PasswordPolicy.builder()
                    .minLength(12)
                    .requireDigits(true)
                    .requireLowercase(true)
                    .requireUppercase(true)
                    .requireSymbols(true)
                    .tempPasswordValidity(Duration.days(3))
                    .build())
            .mfa(Mfa.OPTIONAL)
            .mfaSecondFactor(MfaSecondFactor.builder().otp(true).sms(false).build())
            .accountRecovery(AccountRecovery.NONE)
            .deletionProtection(
                config.removalPolicy() == software.amazon.awscdk.RemovalPolicy.RETAIN)
            .removalPolicy(config.removalPolicy())
            .build();
    userPool.addTrigger(
        UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG, operatorScope, LambdaVersion.V2_0);
    UserPoolGroup.Builder.create(this, "Operators")
        .userPool(userPool)
        .groupName(OPERATORS_GROUP)
        .description("May read every basket and order and manage the product catalogue")
        .build();
    this.client =
        userPool.addClient(
            "ApiClient",
            UserPoolClientOptions.builder()
                .generateSecret(false)
                .authFlows(AuthFlow.builder().userSrp(true).userPassword(true).build())
                .accessTokenValidity(Duration.hours(1))
                .idTokenValidity(Duration.hours(1))
                .refreshTokenValidity(Duration.days(1))
                .preventUserExistenceErrors(true)
                .enableTokenRevocation(true)
                .build());
    Suppressions.add(
        userPool,
        "AwsSolutions-COG2",
        "MFA is optional (TOTP) so that the demo customers and the load tests can sign in non-interactively;"
            + " make it REQUIRED in a fork that serves real customers.");
    Suppressions.add(
        userPool,
        "AwsSolutions-COG3",
        "Threat protection (advanced security) needs the Plus feature plan, billed per active user; the"
            + " Essentials plan is enough for the access-token customisation the operators scope needs.");
    Suppressions.add(
        operatorScope,
        "AwsSolutions-IAM4",
        "AWSLambdaBasicExecutionRole: the trigger only writes its own log stream.",
        "/^Policy::arn:<AWS::Partition>:iam::aws:policy\\/service-role\\/AWSLambdaBasicExecutionRole$/");
  }

  /** Node.js source of the trigger: add the scope for operators, suppress it for everyone else. */
  static String operatorScopeHandler() {
    return String.join(
        "\n",
        "exports.handler = async (event) => {",
        "  const groups = (event.request.groupConfiguration || {}).groupsToOverride || [];",
        "  const scope = '" + OPERATORS_SCOPE + "';",
        "  const access = groups.includes('"
            + OPERATORS_GROUP
            + "') ? { scopesToAdd: [scope] } : { scopesToSuppress: [scope] };",
        "  event.response = { claimsAndScopeOverrideDetails: { accessTokenGeneration: access } };",
        "  return event;",
        "};");
  }

  public UserPool userPool() {
    return userPool;
  }

  public UserPoolClient client() {
    return client;
  }

  /**
   * The {@code iss} of the pool's tokens: {@code
   * https://cognito-idp.<region>.amazonaws.com/<poolId>}.
   */
  public String issuer() {
    return "https://cognito-idp."
        + Stack.of(this).getRegion()
        + ".amazonaws.com/"
        + userPool.getUserPoolId();
  }

  static List<String> operatorScopes() {
    return List.of(OPERATORS_SCOPE);
  }
}
