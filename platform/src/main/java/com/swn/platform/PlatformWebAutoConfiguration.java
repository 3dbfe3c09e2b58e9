package com.swn.platform;

import com.swn.platform.web.ApiDocs;
import com.swn.platform.web.CodePointLengths;
import com.swn.platform.web.NoMultipartResolver;
import com.swn.platform.web.ProblemDetailsAdvice;
import com.swn.platform.web.ProblemErrorController;
import com.swn.platform.web.ProblemErrorReportValveCustomizer;
import com.swn.platform.web.QueryStringFilter;
import com.swn.platform.web.RequestBodyLimitFilter;
import com.swn.platform.web.RequestIdFilter;
import com.swn.platform.web.StrictJson;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.DispatcherServlet;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web side every service shares: request ids, the body-size limit and RFC 9457 problem details.
 * The filters run inside Boot's HTTP server observation (order {@code HIGHEST_PRECEDENCE + 1}), so
 * that each of them, and each problem document it writes, sees the request's trace. Also imported
 * by {@code @WebMvcTest} slices, so slice tests see the real error model.
 */
@AutoConfiguration(
    afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
    // Its error controller and multipart resolver step back when these beans exist.
    beforeName = {
      "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration",
      "org.springframework.boot.servlet.autoconfigure.MultipartAutoConfiguration"
    })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(PlatformProperties.class)
public class PlatformWebAutoConfiguration {

  @Bean
  FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
    var registration = new FilterRegistrationBean<>(new RequestIdFilter());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
    return registration;
  }

  @Bean
  FilterRegistrationBean<QueryStringFilter> queryStringFilter() {
    var registration = new FilterRegistrationBean<>(new QueryStringFilter());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
    return registration;
  }

  @Bean
  FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(
      PlatformProperties properties, JsonMapper jsonMapper) {
    var filter = new RequestBodyLimitFilter(properties.web().maxRequestSize(), jsonMapper);
    var registration = new FilterRegistrationBean<>(filter);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 4);
    return registration;
  }

  @Bean
  StrictJson strictJson() {
    return new StrictJson();
  }

  @Bean
  ProblemErrorController problemErrorController() {
    return new ProblemErrorController();
  }

  @Bean(DispatcherServlet.MULTIPART_RESOLVER_BEAN_NAME)
  NoMultipartResolver multipartResolver() {
    return new NoMultipartResolver();
  }

  /** Tomcat's own error answers (before any filter runs) become problem documents too. */
  @Bean
  @ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
  WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemErrorReportValve() {
    return new ProblemErrorReportValveCustomizer();
  }

  /** Only where springdoc is there: the services publish /v3/api-docs, tests and tools need not. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
  static class ApiDocsConfiguration {

    @Bean
    ApiDocs apiDocs(
        org.springframework.beans.factory.ObjectProvider<com.swn.platform.security.AccessRules>
            rules) {
      return new ApiDocs(
          rules.orderedStream().flatMap(service -> service.publicRoutes().stream()).toList());
    }

    @Bean
    CodePointLengths codePointLengths() {
      return new CodePointLengths();
    }
  }

  @Bean
  ProblemDetailsAdvice problemDetailsAdvice() {
    return new ProblemDetailsAdvice();
  }
}
