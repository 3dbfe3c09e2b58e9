package com.swn.ordering.order.messaging;

import com.swn.ordering.OrderingProperties;
import io.awspring.cloud.autoconfigure.sqs.SqsProperties;
import io.awspring.cloud.sqs.config.EndpointRegistrar;
import io.awspring.cloud.sqs.config.SqsMessageListenerContainerFactory;
import io.awspring.cloud.sqs.listener.SqsContainerOptionsBuilder;
import io.awspring.cloud.sqs.listener.acknowledgement.AcknowledgementResultCallback;
import io.awspring.cloud.sqs.listener.acknowledgement.AsyncAcknowledgementResultCallback;
import io.awspring.cloud.sqs.listener.errorhandler.ExponentialBackoffErrorHandler;
import io.awspring.cloud.sqs.listener.interceptor.AsyncMessageInterceptor;
import io.awspring.cloud.sqs.listener.interceptor.MessageInterceptor;
import io.awspring.cloud.sqs.support.converter.MessagingMessageConverter;
import io.awspring.cloud.sqs.support.converter.legacy.JacksonMessageConverterMigration;
import io.awspring.cloud.sqs.support.observation.SqsListenerObservation;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * The SQS listener container factory, tuned from {@link OrderingProperties.Listener}.
 *
 * <p>It takes the place of Spring Cloud AWS's auto-configured factory (same bean name), so it
 * re-applies what that one would have: the SQS client, the Jackson 3 message converter, message
 * interceptors, acknowledgement callbacks, observation (when {@code
 * spring.cloud.aws.sqs.observation-enabled}) and the {@code spring.cloud.aws.sqs} queue-not-found
 * strategy and auto-startup. The {@code spring.cloud.aws.sqs.listener.*} tuning keys are not read:
 * {@code ordering.listener.*} is the one place for them.
 *
 * <p>Failures (transient ones only: the listener dead-letters poison itself): the error handler
 * makes a failed message visible again after a back-off that grows with its receive count and then
 * rethrows, so the message is never acknowledged by it. Shutdown: the container stops polling,
 * waits up to {@code shutdown-timeout} for messages in flight, then as long again for their
 * acknowledgements.
 */
@Configuration(proxyBeanMethods = false)
class OrderQueueListenerConfiguration {

  static final String FACTORY = EndpointRegistrar.DEFAULT_LISTENER_CONTAINER_FACTORY_BEAN_NAME;

  @Bean(FACTORY)
  SqsMessageListenerContainerFactory<Object> defaultSqsListenerContainerFactory(
      SqsAsyncClient sqsAsyncClient,
      SqsProperties sqs,
      OrderingProperties ordering,
      MessagingMessageConverter<?> messageConverter,
      ObjectProvider<JacksonMessageConverterMigration> converterMigration,
      ObjectProvider<MessageInterceptor<Object>> interceptors,
      ObjectProvider<AsyncMessageInterceptor<Object>> asyncInterceptors,
      ObjectProvider<AcknowledgementResultCallback<Object>> acknowledgementCallback,
      ObjectProvider<AsyncAcknowledgementResultCallback<Object>> asyncAcknowledgementCallback,
      ObjectProvider<ObservationRegistry> observationRegistry,
      ObjectProvider<SqsListenerObservation.Convention> observationConvention) {
    var factory = new SqsMessageListenerContainerFactory<Object>();
    factory.setSqsAsyncClient(sqsAsyncClient);
    factory.setErrorHandler(errorHandler(ordering.listener()));
    interceptors.orderedStream().forEach(factory::addMessageInterceptor);
    asyncInterceptors.orderedStream().forEach(factory::addMessageInterceptor);
    acknowledgementCallback.ifAvailable(factory::setAcknowledgementResultCallback);
    asyncAcknowledgementCallback.ifAvailable(factory::setAcknowledgementResultCallback);
    converterMigration.ifAvailable(
        migration -> migration.configureLegacyObjectMapper(messageConverter));
    factory.configure(options -> options.messageConverter(messageConverter));
    factory.configure(options -> springCloudAwsOptions(options, sqs));
    factory.configure(options -> listenerOptions(options, ordering.listener()));
    if (Boolean.TRUE.equals(sqs.isObservationEnabled())) {
      observationRegistry.ifAvailable(
          registry -> factory.configure(options -> options.observationRegistry(registry)));
      observationConvention.ifAvailable(
          convention -> factory.configure(options -> options.observationConvention(convention)));
    }
    return factory;
  }

  private static ExponentialBackoffErrorHandler<Object> errorHandler(
      OrderingProperties.Listener listener) {
    return ExponentialBackoffErrorHandler.builder()
        .initialVisibilityTimeoutSeconds((int) listener.retryInitialVisibility().toSeconds())
        .multiplier(listener.retryMultiplier())
        .maxVisibilityTimeoutSeconds((int) listener.retryMaxVisibility().toSeconds())
        .build();
  }

  private static void springCloudAwsOptions(SqsContainerOptionsBuilder options, SqsProperties sqs) {
    var map = PropertyMapper.get();
    map.from(sqs.getQueueNotFoundStrategy()).to(options::queueNotFoundStrategy);
    map.from(sqs.getListener().getAutoStartup()).to(options::autoStartup);
    map.from(sqs.getConvertMessageIdToUuid()).to(options::convertMessageIdToUuid);
  }

  private static void listenerOptions(
      SqsContainerOptionsBuilder options, OrderingProperties.Listener listener) {
    options
        .maxConcurrentMessages(listener.maxConcurrentMessages())
        .maxMessagesPerPoll(listener.maxMessagesPerPoll())
        .pollTimeout(listener.pollTimeout())
        .backPressureMode(listener.backPressureMode())
        .listenerShutdownTimeout(listener.shutdownTimeout())
        .acknowledgementShutdownTimeout(listener.shutdownTimeout());
  }
}
