package com.swn.infra;

/**
 * How tasks in the private subnets reach AWS APIs. Both choices add the free gateway endpoints for
 * DynamoDB and S3 (ECR image layers live in S3), so table traffic never pays for NAT data
 * processing.
 */
public enum Egress {
  /**
   * One NAT gateway in one AZ: cheapest at low traffic (about one interface endpoint pair's price),
   * but tasks can reach the internet and an AZ outage cuts egress for the other AZ.
   */
  NAT_GATEWAY,
  /**
   * No NAT and no internet route at all: interface endpoints for ECR (api, dkr), CloudWatch Logs,
   * SQS and EventBridge in both AZs. Costs more at rest, less per GB, and keeps tasks off the
   * internet.
   */
  VPC_ENDPOINTS;

  static Egress parse(String value) {
    return switch (value) {
      case "nat" -> NAT_GATEWAY;
      case "endpoints" -> VPC_ENDPOINTS;
      default ->
          throw new InvalidConfigException(
              "egress must be 'nat' or 'endpoints', was '" + value + "'");
    };
  }
}
