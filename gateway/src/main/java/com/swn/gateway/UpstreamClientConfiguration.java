package com.swn.gateway;

import java.net.http.HttpClient;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The proxy calls services through Boot's auto-configured {@code ClientHttpRequestFactory}, so
 * {@code spring.http.clients.connect-timeout} and {@code read-timeout} apply to every route. This
 * only makes that client transparent.
 */
@Configuration(proxyBeanMethods = false)
class UpstreamClientConfiguration {

  @Bean
  ClientHttpRequestFactoryBuilderCustomizer<JdkClientHttpRequestFactoryBuilder>
      transparentClient() {
    return builder ->
        builder
            // The JDK client defaults to HTTP/2 and tries an h2c upgrade on plain http; the
            // services (and the VPC link in AWS) speak HTTP/1.1.
            .withHttpClientCustomizer(client -> client.version(HttpClient.Version.HTTP_1_1))
            // Spring's JDK factory asks for gzip and unpacks it by default; a proxy must pass
            // Accept-Encoding and Content-Encoding through and leave the bytes alone.
            .withCustomizer(factory -> factory.enableCompression(false));
  }
}
