package com.swn.gateway;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.function.ServerRequest;

/**
 * Undoes two changes Spring MVC makes to the request view that the proxy forwards, so a service
 * sees what the caller sent:
 *
 * <ul>
 *   <li>The proxy rebuilds the query from {@link ServerRequest#params()}, which is filled from the
 *       servlet parameter map in hash order: {@code ?sort=x&page=2} would arrive as {@code
 *       ?page=2&sort=x}.
 *   <li>The request headers carry the servlet request's character encoding, which Boot's encoding
 *       filter sets on every request: {@code application/json} would arrive as {@code
 *       application/json;charset=UTF-8}.
 * </ul>
 */
final class CallerRequest {

  private CallerRequest() {}

  static Function<ServerRequest, ServerRequest> asSent() {
    return request -> {
      String contentType = request.servletRequest().getHeader(HttpHeaders.CONTENT_TYPE);
      MultiValueMap<String, String> query = decode(request.uri().getRawQuery());
      ServerRequest.Builder builder = ServerRequest.from(request);
      if (contentType != null) {
        builder.headers(headers -> headers.set(HttpHeaders.CONTENT_TYPE, contentType));
      }
      if (query != null) {
        builder.params(
            params -> {
              params.clear();
              params.addAll(query);
            });
      }
      return builder.build();
    };
  }

  // Null for a malformed escape: then the servlet container's lenient parsing stands.
  private static @Nullable MultiValueMap<String, String> decode(@Nullable String rawQuery) {
    MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
    try {
      for (String pair : StringUtils.tokenizeToStringArray(rawQuery, "&")) {
        int eq = pair.indexOf('=');
        String name = eq < 0 ? pair : pair.substring(0, eq);
        String value = eq < 0 ? "" : pair.substring(eq + 1);
        params.add(
            URLDecoder.decode(name, StandardCharsets.UTF_8),
            URLDecoder.decode(value, StandardCharsets.UTF_8));
      }
    } catch (IllegalArgumentException malformedEscape) {
      return null;
    }
    return params;
  }
}
