package com.swn.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Alarms for what needs a human, all notifying the encrypted alarm topic, and one dashboard. */
class MonitoringStackTest {

  private final SynthesizedApp app = SynthesizedApp.development();
  private final Template template = app.template(app.shop().monitoring());

  @Test
  void alarmsOnTheApi5xxRate() {
    template.hasResourceProperties(
        "AWS::CloudWatch::Alarm",
        Map.of(
            "ComparisonOperator",
            "GreaterThanThreshold",
            "Threshold",
            5,
            "Metrics",
            Match.arrayWith(
                List.of(
                    Match.objectLike(
                        Map.of("Expression", "IF(requests > 0, 100 * errors / requests, 0)")),
                    Match.objectLike(
                        Map.of(
                            "Id",
                            "errors",
                            "MetricStat",
                            Match.objectLike(
                                Map.of(
                                    "Metric",
                                    Match.objectLike(
                                        Map.of(
                                            "Namespace",
                                            "AWS/ApiGateway",
                                            "MetricName",
                                            "5xx"))))))))));
  }

  @Test
  void alarmsOnTheFirstMessageInEachDeadLetterQueue() {
    List<String> deadLetterQueues =
        List.of(
            SynthesizedApp.logicalId(app.shop().ordering().orders().deadLetterQueue()),
            SynthesizedApp.logicalId(app.shop().basket().productEvents().deadLetterQueue()),
            SynthesizedApp.logicalId(app.shop().basket().repricing().deadLetterQueue()),
            SynthesizedApp.logicalId(app.shop().shared().eventTargetDeadLetterQueue()));
    var alarms =
        alarmsWith(
            Map.of(
                "MetricName",
                "ApproximateNumberOfMessagesVisible",
                "Threshold",
                1,
                "ComparisonOperator",
                "GreaterThanOrEqualToThreshold",
                "EvaluationPeriods",
                1));
    assertThat(alarms).hasSize(4);
    assertThat(alarms.values().toString()).contains(deadLetterQueues);
  }

  @Test
  void alarmsWhenAConsumerQueueHoldsOldMessages() {
    template.resourcePropertiesCountIs(
        "AWS::CloudWatch::Alarm",
        Map.of(
            "MetricName",
            "ApproximateAgeOfOldestMessage",
            "Threshold",
            300,
            "Statistic",
            "Maximum"),
        2);
  }

  @Test
  void alarmsWhenAnOutboxEntryWaitsTooLongOrItsMetricIsMissing() {
    var alarms =
        alarmsWith(
            Map.of(
                "Namespace", "SwnShop/dev",
                "MetricName", "outbox.oldest.age.value",
                "Statistic", "Maximum",
                "Threshold", 120,
                "ComparisonOperator", "GreaterThanThreshold",
                "TreatMissingData", "breaching"));
    assertThat(alarms).hasSize(2);
    assertThat(alarms.values().toString())
        .contains(
            SynthesizedApp.logicalId(app.shop().product().outboxTable()),
            SynthesizedApp.logicalId(app.shop().basket().outboxTable()))
        .contains("Name=outbox");
    template.resourcePropertiesCountIs(
        "AWS::CloudWatch::Alarm",
        Map.of(
            "Namespace", "SwnShop/dev",
            "MetricName", "outbox.quarantined.value",
            "Threshold", 1,
            "ComparisonOperator", "GreaterThanOrEqualToThreshold"),
        2);
  }

  @Test
  void alarmsOnUnhealthyAndMissingTasksOfEveryService() {
    template.resourcePropertiesCountIs(
        "AWS::CloudWatch::Alarm",
        Map.of(
            "MetricName", "UnHealthyHostCount", "Namespace", "AWS/ApplicationELB", "Threshold", 1),
        3);
    template.resourcePropertiesCountIs(
        "AWS::CloudWatch::Alarm",
        Map.of(
            "MetricName",
            "HealthyHostCount",
            "ComparisonOperator",
            "LessThanThreshold",
            "TreatMissingData",
            "breaching"),
        3);
  }

  @Test
  void notifiesTheEncryptedTopicOnAlarmAndRecovery() {
    String topic = SynthesizedApp.logicalId(app.shop().monitoring().alarmTopic());
    template.allResourcesProperties(
        "AWS::CloudWatch::Alarm",
        Map.of(
            "AlarmActions", List.of(Map.of("Ref", topic)),
            "OKActions", List.of(Map.of("Ref", topic))));
    template.hasResourceProperties("AWS::SNS::Topic", Map.of("KmsMasterKeyId", Match.anyValue()));
    template.hasResourceProperties(
        "AWS::SNS::Subscription", Map.of("Protocol", "email", "Endpoint", "ops@example.com"));
    template.hasResourceProperties(
        "AWS::KMS::Key",
        Map.of(
            "EnableKeyRotation",
            true,
            "KeyPolicy",
            Match.objectLike(
                Map.of(
                    "Statement",
                    Match.arrayWith(
                        List.of(
                            Match.objectLike(
                                Map.of(
                                    "Principal",
                                    Map.of("Service", "cloudwatch.amazonaws.com")))))))));
  }

  @Test
  void drawsOneDashboardWithApiQueueAndTaskWidgets() {
    template.resourceCountIs("AWS::CloudWatch::Dashboard", 1);
    String body = template.findResources("AWS::CloudWatch::Dashboard").values().toString();
    assertThat(body)
        .contains(
            "ApproximateAgeOfOldestMessage",
            "RunningTaskCount",
            "FailedInvocations",
            "4xx",
            "5xx",
            "received - deleted");
  }

  private Map<String, Map<String, Object>> alarmsWith(Map<String, Object> properties) {
    return template.findResources("AWS::CloudWatch::Alarm", Map.of("Properties", properties));
  }
}
