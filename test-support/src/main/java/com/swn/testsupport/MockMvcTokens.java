package com.swn.testsupport;

import java.nio.charset.StandardCharsets;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * MockMvc in slice tests sends the owner's token ({@link OwnerTokens}) unless the request has its
 * own {@code Authorization} or asks for {@link #anonymous()}. Registered for
 * {@code @AutoConfigureMockMvc}.
 */
@AutoConfiguration
public class MockMvcTokens {

  /** Sends the request without any token (runs after the default one, which added it). */
  public static RequestPostProcessor anonymous() {
    return request -> {
      request.removeHeader("Authorization");
      return request;
    };
  }

  @Bean
  MockMvcBuilderCustomizer ownerTokens() {
    var owners = TestIssuer.shared().owners();
    RequestPostProcessor tokens =
        request -> {
          if (request.getHeader("Authorization") == null) {
            var content = request.getContentAsByteArray();
            var body = content == null ? null : new String(content, StandardCharsets.UTF_8);
            // A MockMvc request always has both (the builder sets them); null only on a bare
            // servlet.
            var header =
                owners.header(
                    java.util.Objects.requireNonNullElse(request.getMethod(), "GET"),
                    java.util.Objects.requireNonNullElse(request.getRequestURI(), "/"),
                    body);
            if (header != null) {
              request.addHeader("Authorization", header);
            }
          }
          return request;
        };
    return builder -> builder.defaultRequest(MockMvcRequestBuilders.get("/").with(tokens));
  }
}
