package com.swn.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.swn.localaws.LocalAws;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/** A queue's URL from its name, against a real emulator, and from a URL with no call at all. */
class QueueUrlIntegrationTest {

  private static final LocalAws AWS = LocalAws.shared();

  private static SqsAsyncClient client(URI endpoint) {
    return SqsAsyncClient.builder()
        .endpointOverride(endpoint)
        .region(Region.of(AWS.region()))
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(AWS.accessKeyId(), AWS.secretAccessKey())))
        .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(2)))
        .build();
  }

  @Test
  void resolvesANameToTheQueuesUrl() {
    var name = "queue-url-" + UUID.randomUUID();
    var created = AWS.sqs().createQueue(r -> r.queueName(name)).queueUrl();
    try (var sqs = client(AWS.endpoint())) {
      assertThat(QueueUrl.of(sqs, name).get()).isEqualTo(created);
    }
  }

  @Test
  void aMissingQueueFailsNamingTheQueueAndTheSdksReason() {
    var name = "no-such-queue-" + UUID.randomUUID();
    try (var sqs = client(AWS.endpoint())) {
      var missing = QueueUrl.of(sqs, name);

      for (int use = 0; use < 2; use++) {
        assertThatThrownBy(missing::get)
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("'" + name + "'")
            .cause()
            .isInstanceOf(QueueDoesNotExistException.class);
      }
    }
  }

  @Test
  void aUrlIsTakenAsItIsWithoutACall() {
    // Port 9 is closed: a call would fail.
    try (var sqs = client(URI.create("http://127.0.0.1:9"))) {
      for (var url :
          new String[] {
            "http://127.0.0.1:9/000000000000/OrderQueue",
            "https://sqs.eu-west-1.amazonaws.com/123456789012/OrderQueue"
          }) {
        assertThat(QueueUrl.of(sqs, url).get()).isEqualTo(url);
      }
    }
  }

  @Test
  void creatingItDoesNotWaitForTheAnswer() throws IOException {
    // A server that accepts connections and never answers: the look-up hangs until the client's
    // call timeout (2 s).
    var held = new ArrayList<Socket>();
    try (var server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      var acceptor =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      while (true) {
                        held.add(server.accept());
                      }
                    } catch (IOException closed) {
                      // the test is over
                    }
                  });
      try (var sqs = client(URI.create("http://127.0.0.1:" + server.getLocalPort()))) {
        long start = System.nanoTime();
        var hanging = QueueUrl.of(sqs, "OrderQueue");
        var created = Duration.ofNanos(System.nanoTime() - start);

        assertThat(created).isLessThan(Duration.ofSeconds(1));
        assertThatThrownBy(hanging::get).cause().isInstanceOf(SdkClientException.class);
      } finally {
        acceptor.interrupt();
      }
    } finally {
      for (var socket : held) {
        socket.close();
      }
    }
  }
}
