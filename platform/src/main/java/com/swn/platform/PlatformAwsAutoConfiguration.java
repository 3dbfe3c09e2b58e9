package com.swn.platform;

import com.swn.platform.aws.AwsClientSettings;
import com.swn.platform.aws.AwsClientTimeouts;
import com.swn.platform.aws.AwsUnavailableAdvice;
import com.swn.platform.web.ProblemDetailsAdvice;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bounds every AWS client of a service (see {@link AwsClientTimeouts}) and turns a call AWS could
 * not serve in time into a 503 problem.
 */
@AutoConfiguration(
    beforeName = {
      "io.awspring.cloud.autoconfigure.dynamodb.DynamoDbAutoConfiguration",
      "io.awspring.cloud.autoconfigure.sqs.SqsAutoConfiguration"
    },
    after = PlatformWebAutoConfiguration.class)
@EnableConfigurationProperties(AwsClientSettings.class)
public class PlatformAwsAutoConfiguration {

  @Bean
  AwsClientTimeouts awsClientTimeouts(AwsClientSettings settings) {
    return new AwsClientTimeouts(settings);
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnBean(ProblemDetailsAdvice.class)
  static class WebConfiguration {

    @Bean
    AwsUnavailableAdvice awsUnavailableAdvice(ProblemDetailsAdvice problems) {
      return new AwsUnavailableAdvice(problems);
    }
  }
}
