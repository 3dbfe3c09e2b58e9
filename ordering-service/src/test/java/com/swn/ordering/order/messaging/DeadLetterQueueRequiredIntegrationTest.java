package com.swn.ordering.order.messaging;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.swn.localaws.LocalAws;
import com.swn.ordering.OrderingServiceApplication;
import java.util.ArrayList;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * The dead-letter queue has no listener of its own, so only {@link PoisonMessages} can stop a
 * service that would otherwise start and fail each poison message's send instead.
 */
class DeadLetterQueueRequiredIntegrationTest {

  @Test
  void theServiceDoesNotStartWithoutItsDeadLetterQueue() {
    var arguments = new ArrayList<String>();
    LocalAws.shared()
        .springProperties()
        .forEach((key, value) -> arguments.add("--" + key + "=" + value));
    arguments.add("--server.port=0");
    arguments.add("--ordering.dead-letter-queue-name=missing-" + UUID.randomUUID());
    var application = new SpringApplicationBuilder(OrderingServiceApplication.class);

    assertThatThrownBy(() -> application.run(arguments.toArray(String[]::new)).close())
        .hasRootCauseInstanceOf(QueueDoesNotExistException.class);
  }
}
