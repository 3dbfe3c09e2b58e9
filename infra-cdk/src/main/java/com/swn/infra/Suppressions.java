package com.swn.infra;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import java.util.List;
import software.constructs.IConstruct;

/**
 * The only place that silences cdk-nag findings. Every suppression names one rule, carries the
 * reason, and where the rule reports individual resources or actions, is limited to exactly those.
 */
final class Suppressions {

  private Suppressions() {}

  /** Suppresses {@code rule} on {@code construct} and its children. */
  static void add(IConstruct construct, String rule, String reason) {
    NagSuppressions.addResourceSuppressions(
        construct, List.of(NagPackSuppression.builder().id(rule).reason(reason).build()), true);
  }

  /**
   * Suppresses {@code rule} on {@code construct} and its children for findings matching {@code
   * regex} only.
   */
  static void add(IConstruct construct, String rule, String reason, String regex) {
    NagSuppressions.addResourceSuppressions(
        construct,
        List.of(
            NagPackSuppression.builder()
                .id(rule)
                .reason(reason)
                .appliesTo(List.of(RegexAppliesTo.builder().regex(regex).build()))
                .build()),
        true);
  }

  /**
   * The findings every Spring Boot service has: the table grants include the tables' indexes
   * ({@code <table>/index/*}), the execution role's ECR token call has no resource, and the
   * non-secret configuration travels as plain environment variables.
   */
  static void serviceDefaults(SpringBootFargateService service) {
    add(
        service.taskRole(),
        "AwsSolutions-IAM5",
        "Table grants (grantReadWriteData) cover the table's own global secondary indexes; DynamoDB index"
            + " ARNs end in /index/<name>, and the wildcard is scoped to this table's ARN.",
        "/^Resource::<[A-Za-z0-9]+\\.Arn>\\/index\\/\\*$/");
    add(
        service.taskRole(),
        "AwsSolutions-IAM5",
        "cloudwatch:PutMetricData has no resource-level permissions; the statement is limited to the"
            + " system's metric namespace by a cloudwatch:namespace condition.",
        "/^Resource::\\*$/");
    add(
        service.taskDefinition(),
        "AwsSolutions-IAM5",
        "ecr:GetAuthorizationToken has no resource-level permissions (the execution role's image pull).",
        "/^Resource::\\*$/");
    add(
        service.taskDefinition(),
        "AwsSolutions-ECS2",
        "The environment holds generated resource names (tables, index, queue URL, bus) and the internal"
            + " service URL, none of them secret; secrets would come from Secrets Manager.");
  }
}
