package com.swn.testsupport;

import java.nio.charset.StandardCharsets;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

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

  /** The {@code Authorization} header's value that carries {@code token}. */
  public static String bearer(String token) {
    return "Bearer " + token;
  }

  /**
   * What a refused request (401 or 403) answers: the status, a problem document and a Bearer
   * challenge, so that a client learns how to authenticate.
   */
  public static ResultMatcher[] refusal(int status) {
    return new ResultMatcher[] {
      MockMvcResultMatchers.status().is(status),
      MockMvcResultMatchers.content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON),
      result -> {
        var challenge = result.getResponse().getHeader("WWW-Authenticate");
        if (challenge == null || !challenge.startsWith("Bearer")) {
          throw new AssertionError("WWW-Authenticate is not a Bearer challenge: " + challenge);
        }
      }
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
