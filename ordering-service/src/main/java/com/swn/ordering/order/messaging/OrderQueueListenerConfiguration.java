package com.swn.ordering.order.messaging;

import com.swn.ordering.OrderingProperties;
import io.awspring.cloud.sqs.config.SqsMessageListenerContainerFactory;
import io.awspring.cloud.sqs.listener.errorhandler.AsyncErrorHandler;
import io.awspring.cloud.sqs.listener.errorhandler.ExponentialBackoffErrorHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What Spring Cloud AWS's auto-configured listener container factory cannot be told by properties;
 * everything else (the SQS client, the message converter, interceptors, observation, the {@code
 * spring.cloud.aws.sqs} queue-not-found strategy and auto-startup) is its own.
 *
 * <p>Failures (transient ones only: the listener dead-letters poison itself): the error handler
 * bean, which the auto-configuration picks up, makes a failed message visible again after a
 * back-off that grows with its receive count and then rethrows, so the message is never
 * acknowledged by it.
 *
 * <p>Tuning comes from the one validated {@link OrderingProperties.Listener} record, which checks
 * the options against each other (a batch no larger than the concurrency, a shutdown wait longer
 * than a poll); it is applied over the factory's {@code spring.cloud.aws.sqs.listener.*} keys,
 * which therefore are not read. Two of its options have no such key at all: the back-pressure mode,
 * and the shutdown waits (the container stops polling, waits up to {@code shutdown-timeout} for
 * messages in flight, then as long again for their acknowledgements).
 */
@Configuration(proxyBeanMethods = false)
class OrderQueueListenerConfiguration {

  @Bean
  AsyncErrorHandler<Object> orderQueueErrorHandler(OrderingProperties ordering) {
    var listener = ordering.listener();
    return ExponentialBackoffErrorHandler.builder()
        .initialVisibilityTimeoutSeconds((int) listener.retryInitialVisibility().toSeconds())
        .multiplier(listener.retryMultiplier())
        .maxVisibilityTimeoutSeconds((int) listener.retryMaxVisibility().toSeconds())
        .build();
  }

  @Bean
  static BeanPostProcessor orderQueueListenerOptions(ObjectProvider<OrderingProperties> ordering) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof SqsMessageListenerContainerFactory<?> factory) {
          var listener = ordering.getObject().listener();
          factory.configure(
              options ->
                  options
                      .maxConcurrentMessages(listener.maxConcurrentMessages())
                      .maxMessagesPerPoll(listener.maxMessagesPerPoll())
                      .pollTimeout(listener.pollTimeout())
                      .backPressureMode(listener.backPressureMode())
                      .listenerShutdownTimeout(listener.shutdownTimeout())
                      .acknowledgementShutdownTimeout(listener.shutdownTimeout()));
        }
        return bean;
      }
    };
  }
}
