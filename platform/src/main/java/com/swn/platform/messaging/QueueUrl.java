package com.swn.platform.messaging;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * A queue a service sends to, configured as a URL (as the CDK passes it) or as a name (as {@code
 * make up} and the tests do). A name's {@code GetQueueUrl} is sent when this is created and awaited
 * only at the first {@link #get()}: the owner awaits it once its context has created every bean
 * ({@code SmartInitializingSingleton}), so that the call, the first of the SQS client (~0.3 s on a
 * cold JVM), runs beside the rest of start-up instead of before it, and a missing queue still stops
 * the service before it starts.
 */
public final class QueueUrl {

  private final String nameOrUrl;
  private final CompletableFuture<String> url;

  private QueueUrl(String nameOrUrl, CompletableFuture<String> url) {
    this.nameOrUrl = nameOrUrl;
    this.url = url;
  }

  public static QueueUrl of(SqsAsyncClient sqs, String nameOrUrl) {
    if (nameOrUrl.startsWith("https://") || nameOrUrl.startsWith("http://")) {
      return new QueueUrl(nameOrUrl, CompletableFuture.completedFuture(nameOrUrl));
    }
    return new QueueUrl(
        nameOrUrl,
        sqs.getQueueUrl(request -> request.queueName(nameOrUrl))
            .thenApply(response -> response.queueUrl()));
  }

  /**
   * The URL, once resolved; if it could not be, an exception that names the queue, caused by the
   * SDK's (e.g. {@code QueueDoesNotExistException}), whose stack is only the SDK's own thread.
   */
  public String get() {
    try {
      return url.join();
    } catch (CompletionException e) {
      throw new IllegalStateException(
          "Could not resolve the URL of the queue '" + nameOrUrl + "'", e.getCause());
    }
  }
}
