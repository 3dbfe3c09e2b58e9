package com.swn.basket;

import io.awspring.cloud.autoconfigure.AwsSyncClientCustomizer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * The AWS operations the service's synchronous clients sent while handling HTTP requests (the
 * request threads only, so the listeners and the relay of other tests do not count). It records
 * what reached the wire, against the real emulator; it changes nothing.
 */
public final class AwsCallLog implements AwsSyncClientCustomizer {

  private final List<String> operations = new CopyOnWriteArrayList<>();

  @Override
  public void customize(AwsSyncClientBuilder<?, ?> builder) {
    var client = (AwsClientBuilder<?, ?>) builder;
    client.overrideConfiguration(
        client.overrideConfiguration().toBuilder().addExecutionInterceptor(new Recorder()).build());
  }

  /** The operations recorded since the last call, in order. */
  public List<String> take() {
    var taken = List.copyOf(operations);
    operations.clear();
    return taken;
  }

  private final class Recorder implements ExecutionInterceptor {
    @Override
    public void beforeTransmission(
        Context.BeforeTransmission context, ExecutionAttributes attributes) {
      if (Thread.currentThread().getName().startsWith("http-nio")) {
        operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
      }
    }
  }
}
