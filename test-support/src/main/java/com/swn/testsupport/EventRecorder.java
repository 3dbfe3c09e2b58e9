package com.swn.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import software.amazon.awssdk.services.sqs.SqsClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drains a subscriber queue and keeps every EventBridge event it saw, so each test can look for its
 * own events (by product id) no matter which test's events arrived first.
 */
public final class EventRecorder {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final SqsClient sqs;
  private final String queueUrl;
  private final List<JsonNode> seen = new CopyOnWriteArrayList<>();

  public EventRecorder(SqsClient sqs, String queueUrl) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
  }

  /** Waits until events matching the predicate have arrived, then returns all of them. */
  public List<JsonNode> await(Predicate<JsonNode> matching, int atLeast) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> drainOnce().stream().filter(matching).count() >= atLeast);
    return seen.stream().filter(matching).toList();
  }

  /** Everything seen so far that matches, after one more look at the queue. */
  public List<JsonNode> seen(Predicate<JsonNode> matching) {
    return drainOnce().stream().filter(matching).toList();
  }

  private synchronized List<JsonNode> drainOnce() {
    var messages =
        sqs.receiveMessage(
                request -> request.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0))
            .messages();
    for (var message : messages) {
      seen.add(JSON.readTree(message.body()));
      sqs.deleteMessage(
          request -> request.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
    }
    return seen;
  }

  public static Predicate<JsonNode> about(String detailType, String productId) {
    return event ->
        detailType.equals(event.path("detail-type").asString())
            && productId.equals(event.path("detail").path("data").path("productId").asString());
  }
}
