package com.swn.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.AlarmStatusWidget;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TextWidget;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.elasticloadbalancingv2.HttpCodeTarget;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * One dashboard for the whole system and the alarms that need a human: API 5xx rate, any dead
 * letter, old messages in a consumer queue, an outbox that does not drain or holds quarantined
 * entries, unhealthy or missing tasks. Alarms notify an SNS topic (and the configured e-mail
 * address).
 */
public final class MonitoringStack extends Stack {

  /** Percentage of API requests answered with 5xx over five minutes that pages someone. */
  static final double API_5XX_PERCENT = 5;

  /**
   * Age (seconds) of the oldest message in a consumer queue that means the consumer is stuck or too
   * slow.
   */
  static final double OLDEST_MESSAGE_SECONDS = 300;

  /**
   * Age (seconds) of the oldest unpublished outbox entry that pages someone. A healthy relay
   * publishes within milliseconds, or at the next sweep (≤ 7 s) after a failure; two minutes of age
   * mean it cannot publish at all (wrong bus name, missing permission, EventBridge down), and every
   * accepted change is waiting, checkouts included.
   */
  static final double OUTBOX_OLDEST_SECONDS = 120;

  private static final Duration ONE_MINUTE = Duration.minutes(1);

  private final Topic alarmTopic;
  private final Dashboard dashboard;
  private final List<Alarm> alarms = new ArrayList<>();

  /** A service as the dashboard and the alarms see it. */
  public record Watched(String name, SpringBootFargateService service) {}

  /** A consumer queue with its dead-letter queue and the rule that feeds it. */
  public record Consumer(String name, QueueWithDeadLetter queues, Rule rule) {}

  /** A queue a service feeds itself (no rule): watched for dead letters. */
  public record WorkQueue(String name, QueueWithDeadLetter queues) {}

  /** A service's transactional outbox, watched through the gauges its relay exports. */
  public record Outbox(String name, ITable table) {}

  public MonitoringStack(
      Construct scope,
      String id,
      StackProps props,
      InfraConfig config,
      SharedStack shared,
      List<Watched> services,
      List<Consumer> consumers,
      List<Outbox> outboxes,
      List<WorkQueue> workQueues) {
    super(scope, id, props);
    this.alarmTopic = alarmTopic(config);
    this.dashboard =
        Dashboard.Builder.create(this, "Dashboard").defaultInterval(Duration.hours(3)).build();
    dashboard.addWidgets(
        TextWidget.Builder.create()
            .markdown(
                "# SWN shop (" + config.envName() + ")\nAPI, services, queues and dead letters.")
            .width(24)
            .height(1)
            .build());
    apiWidgetsAndAlarms(shared.api());
    services.forEach(this::serviceWidgetsAndAlarms);
    consumers.forEach(consumer -> consumerWidgetsAndAlarms(consumer, shared));
    outboxes.forEach(outbox -> outboxWidgetsAndAlarms(outbox, config.metricsNamespace()));
    workQueues.forEach(
        work ->
            deadLetterAlarm(
                work.name() + "DeadLetters", work.name(), work.queues().deadLetterQueue()));
    deadLetterAlarm(
        "EventTargetDeadLetters",
        "event targets (SwnEventBus-target-dlq)",
        shared.eventTargetDeadLetterQueue());
    dashboard.addWidgets(
        AlarmStatusWidget.Builder.create()
            .title("Alarms")
            .alarms(List.copyOf(alarms))
            .width(24)
            .build());
  }

  private Topic alarmTopic(InfraConfig config) {
    // CloudWatch cannot publish to a topic encrypted with the AWS-managed aws/sns key: a customer
    // key
    // whose policy admits CloudWatch.
    Key key =
        Key.Builder.create(this, "AlarmTopicKey")
            .description("Encrypts the alarm topic; CloudWatch may use it to publish")
            .enableKeyRotation(true)
            .removalPolicy(config.removalPolicy())
            .build();
    key.grant(
        new ServicePrincipal("cloudwatch.amazonaws.com"), "kms:Decrypt", "kms:GenerateDataKey*");
    Topic topic = Topic.Builder.create(this, "AlarmTopic").masterKey(key).enforceSsl(true).build();
    if (config.alarmEmail() != null) {
      topic.addSubscription(new EmailSubscription(config.alarmEmail()));
    }
    return topic;
  }

  private void apiWidgetsAndAlarms(PublicApi api) {
    MetricOptions sum = MetricOptions.builder().statistic("Sum").period(ONE_MINUTE).build();
    IMetric requests = api.httpApi().metricCount(sum);
    IMetric clientErrors = api.httpApi().metricClientError(sum);
    IMetric serverErrors = api.httpApi().metricServerError(sum);
    MathExpression serverErrorRate =
        MathExpression.Builder.create()
            .expression("IF(requests > 0, 100 * errors / requests, 0)")
            .usingMetrics(new TreeMap<>(Map.of("requests", requests, "errors", serverErrors)))
            .label("5xx %")
            .period(Duration.minutes(5))
            .build();
    alarm(
        "Api5xxRate",
        "More than " + API_5XX_PERCENT + " % of API requests failed with 5xx over 5 minutes",
        serverErrorRate,
        API_5XX_PERCENT,
        ComparisonOperator.GREATER_THAN_THRESHOLD,
        1,
        TreatMissingData.NOT_BREACHING);
    dashboard.addWidgets(
        graph("API requests", List.of(requests), 8),
        graph("API 4xx / 5xx", List.of(clientErrors, serverErrors), 8),
        graph(
            "API latency p50 / p99",
            List.of(
                api.httpApi()
                    .metricLatency(
                        MetricOptions.builder().statistic("p50").period(ONE_MINUTE).build()),
                api.httpApi()
                    .metricLatency(
                        MetricOptions.builder().statistic("p99").period(ONE_MINUTE).build()),
                api.httpApi()
                    .metricIntegrationLatency(
                        MetricOptions.builder().statistic("p99").period(ONE_MINUTE).build())),
            8));
  }

  private void serviceWidgetsAndAlarms(Watched watched) {
    var metrics = watched.service().targetGroup().getMetrics();
    MetricOptions max = MetricOptions.builder().statistic("Maximum").period(ONE_MINUTE).build();
    MetricOptions min = MetricOptions.builder().statistic("Minimum").period(ONE_MINUTE).build();
    alarm(
        watched.name() + "UnhealthyTasks",
        watched.name() + ": at least one task failed its readiness check for 3 minutes",
        metrics.unhealthyHostCount(max),
        1,
        ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        3,
        TreatMissingData.NOT_BREACHING);
    alarm(
        watched.name() + "NoHealthyTask",
        watched.name() + ": no task passes its readiness check",
        metrics.healthyHostCount(min),
        1,
        ComparisonOperator.LESS_THAN_THRESHOLD,
        2,
        TreatMissingData.BREACHING);
    Metric runningTasks =
        Metric.Builder.create()
            .namespace("ECS/ContainerInsights")
            .metricName("RunningTaskCount")
            .dimensionsMap(
                new TreeMap<>(
                    Map.of(
                        "ClusterName", watched.service().service().getCluster().getClusterName(),
                        "ServiceName", watched.service().service().getServiceName())))
            .statistic("Average")
            .period(ONE_MINUTE)
            .label("running tasks")
            .build();
    dashboard.addWidgets(
        graph(
            watched.name() + " requests / 5xx",
            List.of(
                metrics.requestCount(
                    MetricOptions.builder().statistic("Sum").period(ONE_MINUTE).build()),
                metrics.httpCodeTarget(
                    HttpCodeTarget.TARGET_5XX_COUNT,
                    MetricOptions.builder().statistic("Sum").period(ONE_MINUTE).build())),
            6),
        graph(
            watched.name() + " response time p99",
            List.of(
                metrics.targetResponseTime(
                    MetricOptions.builder().statistic("p99").period(ONE_MINUTE).build())),
            6),
        graph(
            watched.name() + " tasks",
            List.of(runningTasks, metrics.healthyHostCount(min), metrics.unhealthyHostCount(max)),
            6),
        graph(
            watched.name() + " CPU / memory %",
            List.of(
                watched.service().service().metricCpuUtilization(),
                watched.service().service().metricMemoryUtilization()),
            6));
  }

  private void consumerWidgetsAndAlarms(Consumer consumer, SharedStack shared) {
    IQueue queue = consumer.queues().queue();
    MetricOptions max = MetricOptions.builder().statistic("Maximum").period(ONE_MINUTE).build();
    MetricOptions sum = MetricOptions.builder().statistic("Sum").period(ONE_MINUTE).build();
    alarm(
        consumer.name() + "OldestMessage",
        consumer.name() + ": a message has waited more than " + (int) OLDEST_MESSAGE_SECONDS + " s",
        queue.metricApproximateAgeOfOldestMessage(max),
        OLDEST_MESSAGE_SECONDS,
        ComparisonOperator.GREATER_THAN_THRESHOLD,
        3,
        TreatMissingData.NOT_BREACHING);
    deadLetterAlarm(
        consumer.name() + "DeadLetters", consumer.name(), consumer.queues().deadLetterQueue());
    MathExpression redeliveries =
        MathExpression.Builder.create()
            .expression("received - deleted")
            .usingMetrics(
                new TreeMap<>(
                    Map.of(
                        "received", queue.metricNumberOfMessagesReceived(sum),
                        "deleted", queue.metricNumberOfMessagesDeleted(sum))))
            .label("received, not deleted (consumer errors)")
            .period(ONE_MINUTE)
            .build();
    Map<String, String> ruleDimensions =
        new TreeMap<>(
            Map.of(
                "EventBusName", shared.eventBus().getEventBusName(),
                "RuleName", consumer.rule().getRuleName()));
    dashboard.addWidgets(
        graph(
            consumer.name() + " depth / oldest age (s)",
            List.of(
                queue.metricApproximateNumberOfMessagesVisible(max),
                queue.metricApproximateAgeOfOldestMessage(max)),
            6),
        graph(consumer.name() + " consumer errors", List.of(redeliveries), 6),
        graph(
            consumer.name() + " dead letters",
            List.of(
                consumer.queues().deadLetterQueue().metricApproximateNumberOfMessagesVisible(max)),
            6),
        graph(
            consumer.name() + " rule deliveries",
            List.of(
                eventsMetric("Invocations", ruleDimensions),
                eventsMetric("FailedInvocations", ruleDimensions),
                eventsMetric("InvocationsSentToDlq", ruleDimensions)),
            6));
  }

  /**
   * The relay's gauges ({@code outbox.entries}, {@code outbox.oldest.age}, {@code
   * outbox.quarantined}, tagged {@code outbox=<table>}); Micrometer's CloudWatch registry names a
   * gauge {@code <name>.value}. No data counts as breaching: the tasks always run, so a silent
   * metric means the export itself is broken.
   */
  private void outboxWidgetsAndAlarms(Outbox outbox, String namespace) {
    Metric oldestAge = outboxMetric(namespace, "outbox.oldest.age.value", outbox, "Maximum");
    Metric quarantined = outboxMetric(namespace, "outbox.quarantined.value", outbox, "Maximum");
    alarm(
        outbox.name() + "OutboxOldestEntry",
        outbox.name()
            + ": an outbox entry has waited more than "
            + (int) OUTBOX_OLDEST_SECONDS
            + " s to be published (or the outbox metrics are missing); see docs/outbox.md",
        oldestAge,
        OUTBOX_OLDEST_SECONDS,
        ComparisonOperator.GREATER_THAN_THRESHOLD,
        2,
        TreatMissingData.BREACHING);
    alarm(
        outbox.name() + "OutboxQuarantined",
        outbox.name()
            + ": outbox entries were set aside as unpublishable (quarantinedAt); see docs/outbox.md",
        quarantined,
        1,
        ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        1,
        TreatMissingData.NOT_BREACHING);
    dashboard.addWidgets(
        graph(
            outbox.name() + " outbox entries / quarantined",
            List.of(
                outboxMetric(namespace, "outbox.entries.value", outbox, "Maximum"), quarantined),
            12),
        graph(outbox.name() + " outbox oldest entry age (s)", List.of(oldestAge), 12));
  }

  private static Metric outboxMetric(
      String namespace, String name, Outbox outbox, String statistic) {
    return Metric.Builder.create()
        .namespace(namespace)
        .metricName(name)
        .dimensionsMap(Map.of("outbox", outbox.table().getTableName()))
        .statistic(statistic)
        .period(ONE_MINUTE)
        .build();
  }

  private void deadLetterAlarm(String id, String what, IQueue deadLetterQueue) {
    alarm(
        id,
        "Dead letters in " + what + ": inspect, fix, then redrive (see docs)",
        deadLetterQueue.metricApproximateNumberOfMessagesVisible(
            MetricOptions.builder().statistic("Maximum").period(ONE_MINUTE).build()),
        1,
        ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        1,
        TreatMissingData.NOT_BREACHING);
  }

  private static Metric eventsMetric(String name, Map<String, String> dimensions) {
    return Metric.Builder.create()
        .namespace("AWS/Events")
        .metricName(name)
        .dimensionsMap(dimensions)
        .statistic("Sum")
        .period(ONE_MINUTE)
        .build();
  }

  private void alarm(
      String id,
      String description,
      IMetric metric,
      double threshold,
      ComparisonOperator comparison,
      int periods,
      TreatMissingData missingData) {
    Alarm alarm =
        Alarm.Builder.create(this, id)
            .alarmDescription(description)
            .metric(metric)
            .threshold(threshold)
            .comparisonOperator(comparison)
            .evaluationPeriods(periods)
            .datapointsToAlarm(periods)
            .treatMissingData(missingData)
            .build();
    alarm.addAlarmAction(new SnsAction(alarmTopic));
    alarm.addOkAction(new SnsAction(alarmTopic));
    alarms.add(alarm);
  }

  private static IWidget graph(String title, List<? extends IMetric> metrics, int width) {
    return GraphWidget.Builder.create()
        .title(title)
        .left(List.copyOf(metrics))
        .width(width)
        .height(6)
        .build();
  }

  public Topic alarmTopic() {
    return alarmTopic;
  }

  public Dashboard dashboard() {
    return dashboard;
  }

  public List<Alarm> alarms() {
    return List.copyOf(alarms);
  }
}
