package com.swn.platform.aot;

import io.micrometer.cloudwatch2.CloudWatchMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingConnectionDetails;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Stops a service whose Spring AOT code was generated for other settings than it is started with.
 *
 * <p>With the generated code on ({@code -Dspring.aot.enabled=true}, in jvm.options), every
 * auto-configuration condition was decided when the jar was built, and settings that switch one on
 * or off at start-up are ignored. Two such settings are made by the deployment (the CDK sets both;
 * the image passes them to the build as {@code SPRING_AOT_ARGUMENTS}): the OTLP span exporter and
 * the CloudWatch meter registry. A mismatch would run the service without its traces or its
 * metrics, or with an exporter that has nowhere to send, and say nothing. This runs once the
 * generated bean definitions are registered and before any bean is created, and fails the start
 * with what to do.
 *
 * <p>Without the generated code the conditions are decided at start-up, so there is nothing to
 * check.
 */
public final class AotConditionsCheck implements ApplicationListener<ApplicationPreparedEvent> {

  /**
   * A setting that switches on an auto-configuration, as {@code @ConditionalOnProperty} without a
   * value reads it (set, and not {@code false}), and the bean that the configuration defines.
   */
  record Switch(String property, Class<?> bean) {

    boolean setIn(Environment environment) {
      var value = environment.getProperty(property);
      return value != null && !"false".equalsIgnoreCase(value);
    }

    boolean definedIn(ListableBeanFactory beans) {
      return beans.getBeanNamesForType(bean, true, false).length > 0;
    }
  }

  static final List<Switch> SWITCHES =
      List.of(
          new Switch(
              "management.opentelemetry.tracing.export.otlp.endpoint",
              OtlpTracingConnectionDetails.class),
          new Switch(
              "management.cloudwatch.metrics.export.namespace", CloudWatchMeterRegistry.class));

  @Override
  public void onApplicationEvent(ApplicationPreparedEvent event) {
    if (!AotDetector.useGeneratedArtifacts()) {
      return;
    }
    var problems =
        problems(
            event.getApplicationContext().getEnvironment(),
            event.getApplicationContext().getBeanFactory());
    if (!problems.isEmpty()) {
      throw new IllegalStateException(String.join("; ", problems));
    }
  }

  /** What differs between the generated bean definitions and the settings of this start. */
  static List<String> problems(Environment environment, ListableBeanFactory beans) {
    var problems = new ArrayList<String>();
    for (var each : SWITCHES) {
      var set = each.setIn(environment);
      var defined = each.definedIn(beans);
      if (set && !defined) {
        problems.add(
            each.property()
                + " is set, but this jar's Spring AOT code was generated without it, so it would"
                + " have no effect: build with -Dspring-boot.aot.jvmArguments=-D"
                + each.property()
                + "=<the value it starts with> (the image: SPRING_AOT_ARGUMENTS), or start with"
                + " -Dspring.aot.enabled=false");
      } else if (defined && !set) {
        problems.add(
            "this jar's Spring AOT code was generated with "
                + each.property()
                + " set, and it is not set now: set it, or start with -Dspring.aot.enabled=false");
      }
    }
    return problems;
  }
}
