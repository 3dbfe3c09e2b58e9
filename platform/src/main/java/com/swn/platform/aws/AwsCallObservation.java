package com.swn.platform.aws;

import io.awspring.cloud.autoconfigure.AwsSyncClientCustomizer;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.api.trace.Span;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * A span (and a timer, {@value #NAME}) for every call of a synchronous AWS client made inside a
 * trace: the DynamoDB writes of a request or a listener, the relay's {@code PutEvents}. The AWS SDK
 * has no Micrometer instrumentation of its own, and OpenTelemetry's AWS SDK instrumentation is not
 * among the artifacts this build may use, so this interceptor is the few lines that do it.
 *
 * <p>Calls outside any trace (the outbox census, a sweep that found nothing, the readiness probe)
 * are left alone, so that they do not fill the tracing backend with one-span traces. The
 * asynchronous SQS client of the listener containers is not customized: its long polls are not
 * work.
 */
public final class AwsCallObservation implements AwsSyncClientCustomizer {

  /** The observation, and so the timer {@code aws.calls}, tagged by service and operation. */
  public static final String NAME = "aws.calls";

  private static final ExecutionAttribute<Observation> OBSERVATION =
      new ExecutionAttribute<>("swnObservation");

  private final ObservationRegistry registry;

  public AwsCallObservation(ObservationRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void customize(AwsSyncClientBuilder<?, ?> builder) {
    var client = (AwsClientBuilder<?, ?>) builder;
    client.overrideConfiguration(
        client.overrideConfiguration().toBuilder()
            .addExecutionInterceptor(new Interceptor())
            .build());
  }

  private final class Interceptor implements ExecutionInterceptor {

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      if (!Span.current().getSpanContext().isValid()) {
        return;
      }
      var service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
      var operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
      var observation =
          Observation.createNotStarted(NAME, registry)
              .contextualName(service + "." + operation)
              .lowCardinalityKeyValue(KeyValue.of("service", String.valueOf(service)))
              .lowCardinalityKeyValue(KeyValue.of("operation", String.valueOf(operation)))
              .start();
      attributes.putAttribute(OBSERVATION, observation);
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
      var observation = attributes.getAttribute(OBSERVATION);
      if (observation != null) {
        observation.stop();
      }
    }

    @Override
    public void onExecutionFailure(
        Context.FailedExecution context, ExecutionAttributes attributes) {
      var observation = attributes.getAttribute(OBSERVATION);
      if (observation != null) {
        observation.error(context.exception());
        observation.stop();
      }
    }
  }
}
