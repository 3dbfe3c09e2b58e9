package com.swn.infra;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The rules on the shared bus, their targets' retry and dead-letter settings, and the consumer
 * queues.
 */
class EventsAndQueuesTest {

  private final SynthesizedApp app = SynthesizedApp.development();
  private final SwnShop shop = app.shop();

  @Test
  void sendsCheckoutsToTheOrderQueueWithRetriesAndTheBusDeadLetterQueue() {
    app.template(shop.ordering())
        .hasResourceProperties(
            "AWS::Events::Rule",
            Map.of(
                "EventPattern",
                    Map.of(
                        "source",
                        List.of("com.swn.basket.checkoutbasket"),
                        "detail-type",
                        List.of("CheckoutBasket")),
                "EventBusName",
                    Match.objectLike(
                        Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*EventBus.*"))),
                "Targets",
                    List.of(
                        Match.objectLike(
                            Map.of(
                                "Arn", arn(shop.ordering().orders().queue()),
                                "RetryPolicy",
                                    Map.of(
                                        "MaximumRetryAttempts",
                                        185,
                                        "MaximumEventAgeInSeconds",
                                        86400),
                                "DeadLetterConfig",
                                    Map.of(
                                        "Arn",
                                        Map.of(
                                            "Fn::ImportValue",
                                            Match.stringLikeRegexp(
                                                ".*EventTargetDeadLetterQueue.*"))))))));
  }

  @Test
  void sendsPriceChangesAndDeletionsToTheBasketQueue() {
    app.template(shop.basket())
        .hasResourceProperties(
            "AWS::Events::Rule",
            Map.of(
                "EventPattern",
                    Map.of(
                        "source", List.of("com.swn.product"),
                        "detail-type",
                            List.of("ProductCreated", "ProductPriceChanged", "ProductDeleted")),
                "Targets",
                    List.of(
                        Match.objectLike(
                            Map.of(
                                "Arn", arn(shop.basket().productEvents().queue()),
                                "RetryPolicy",
                                    Map.of(
                                        "MaximumRetryAttempts",
                                        185,
                                        "MaximumEventAgeInSeconds",
                                        86400),
                                "DeadLetterConfig", Match.objectLike(Map.of()))))));
  }

  @Test
  void letsOnlyItsOwnRuleSendToAConsumerQueue() {
    app.template(shop.ordering())
        .hasResourceProperties(
            "AWS::SQS::QueuePolicy",
            Map.of(
                "Queues",
                    List.of(
                        Map.of("Ref", SynthesizedApp.logicalId(shop.ordering().orders().queue()))),
                "PolicyDocument",
                    Match.objectLike(
                        Map.of(
                            "Statement",
                            Match.arrayWith(
                                List.of(
                                    Match.objectLike(
                                        Map.of(
                                            "Effect", "Allow",
                                            "Principal", Map.of("Service", "events.amazonaws.com"),
                                            "Condition",
                                                Map.of(
                                                    "ArnEquals",
                                                    Map.of(
                                                        "aws:SourceArn",
                                                        arn(
                                                            shop.ordering()
                                                                .checkoutRule())))))))))));
  }

  @Test
  void letsOnlyRulesOfTheBusSendToTheTargetDeadLetterQueue() {
    app.template(shop.shared())
        .hasResourceProperties(
            "AWS::SQS::QueuePolicy",
            Map.of(
                "PolicyDocument",
                Match.objectLike(
                    Map.of(
                        "Statement",
                        Match.arrayWith(
                            List.of(
                                Match.objectLike(
                                    Map.of(
                                        "Sid", "AllowRulesOfTheBus",
                                        "Action", "sqs:SendMessage",
                                        "Condition",
                                            Map.of(
                                                "ArnLike",
                                                Map.of(
                                                    "aws:SourceArn",
                                                    Match.objectLike(
                                                        Map.of(
                                                            "Fn::Join",
                                                            Match.anyValue()))))))))))));
  }

  @Test
  void redrivesConsumerQueuesToTheirDeadLetterQueuesAfterTheirReceives() {
    for (var entry :
        Map.of(
                shop.ordering().orders(),
                OrderingStack.MAX_RECEIVES,
                shop.basket().productEvents(),
                5)
            .entrySet()) {
      QueueWithDeadLetter queues = entry.getKey();
      Template template = app.template(software.amazon.awscdk.Stack.of(queues));
      template.hasResourceProperties(
          "AWS::SQS::Queue",
          Map.of(
              "VisibilityTimeout",
              30,
              "MessageRetentionPeriod",
              345600,
              "SqsManagedSseEnabled",
              true,
              "RedrivePolicy",
              Map.of(
                  "maxReceiveCount",
                  entry.getValue(),
                  "deadLetterTargetArn",
                  arn(queues.deadLetterQueue()))));
      template.hasResourceProperties(
          "AWS::SQS::Queue",
          Map.of("MessageRetentionPeriod", 1209600, "RedrivePolicy", Match.absent()));
    }
  }

  @Test
  void refusesUnencryptedTransportOnEveryQueue() {
    for (var stack : List.of(shop.shared(), shop.basket(), shop.ordering())) {
      app.template(stack)
          .allResourcesProperties(
              "AWS::SQS::QueuePolicy",
              Map.of(
                  "PolicyDocument",
                  Match.objectLike(
                      Map.of(
                          "Statement",
                          Match.arrayWith(
                              List.of(
                                  Match.objectLike(
                                      Map.of(
                                          "Effect",
                                          "Deny",
                                          "Condition",
                                          Map.of(
                                              "Bool",
                                              Map.of("aws:SecureTransport", "false"))))))))));
    }
  }

  private static Map<String, Object> arn(software.constructs.IConstruct construct) {
    return Map.of("Fn::GetAtt", List.of(SynthesizedApp.logicalId(construct), "Arn"));
  }
}
