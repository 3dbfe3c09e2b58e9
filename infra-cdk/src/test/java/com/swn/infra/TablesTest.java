package com.swn.infra;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;

/**
 * Every table is on-demand with point-in-time recovery and a generated name; dev tables may be
 * deleted.
 */
class TablesTest {

  private final SynthesizedApp app = SynthesizedApp.development();

  @Test
  void billsOnDemandRecoversToAPointInTimeAndGetsAGeneratedName() {
    for (Stack stack : List.of(app.shop().product(), app.shop().basket(), app.shop().ordering())) {
      app.template(stack)
          .allResourcesProperties(
              "AWS::DynamoDB::Table",
              Map.of(
                  "BillingMode",
                  "PAY_PER_REQUEST",
                  "PointInTimeRecoverySpecification",
                  Map.of("PointInTimeRecoveryEnabled", true),
                  "DeletionProtectionEnabled",
                  false,
                  "TableName",
                  Match.absent()));
      app.template(stack)
          .allResources(
              "AWS::DynamoDB::Table",
              Map.of("DeletionPolicy", "Delete", "UpdateReplacePolicy", "Delete"));
    }
  }

  @Test
  void expiresBasketsAndIdempotencyRecordsByTtl() {
    app.template(app.shop().basket())
        .resourcePropertiesCountIs(
            "AWS::DynamoDB::Table",
            Map.of(
                "TimeToLiveSpecification", Map.of("AttributeName", "expiresAt", "Enabled", true)),
            2);
  }

  @Test
  void namesNoQueueNoBusAndNoTable() {
    for (Stack stack : List.of(app.shop().shared(), app.shop().basket(), app.shop().ordering())) {
      app.template(stack)
          .allResourcesProperties("AWS::SQS::Queue", Map.of("QueueName", Match.absent()));
    }
    for (Stack stack : List.of(app.shop().basket(), app.shop().ordering())) {
      app.template(stack)
          .allResourcesProperties("AWS::Events::Rule", Map.of("Name", Match.absent()));
    }
    app.template(app.shop().shared())
        .hasResourceProperties(
            "AWS::Events::EventBus", Map.of("Name", Match.stringLikeRegexp("SwnDevShared.*")));
  }
}
