package com.swn.gateway;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;
import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.function.ServerRequest;

/**
 * Enforces the body limit on chunked requests, which declare no length up front. The body is read
 * in full (at most one byte past the limit) before the upstream call starts, so an oversized body
 * never reaches a service, not even in part. It is then cached where the library's {@code
 * adaptCachedBody()} filter picks it up for the proxy call.
 */
final class ChunkedBodyLimit implements Function<ServerRequest, ServerRequest> {

  private final DataSize maxSize;

  ChunkedBodyLimit(DataSize maxSize) {
    this.maxSize = maxSize;
  }

  @Override
  public ServerRequest apply(ServerRequest request) {
    if (!request.headers().asHttpHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
      return request;
    }
    int max = Math.toIntExact(maxSize.toBytes());
    byte[] body = readAtMost(request, max + 1);
    if (body.length > max) {
      throw new ResponseStatusException(
          HttpStatus.CONTENT_TOO_LARGE,
          "Request body is larger than the permissible limit of " + maxSize + ".");
    }
    MvcUtils.putAttribute(
        request, MvcUtils.CACHED_REQUEST_BODY_ATTR, new ByteArrayInputStream(body));
    return request;
  }

  private static byte[] readAtMost(ServerRequest request, int bytes) {
    try {
      return request.servletRequest().getInputStream().readNBytes(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the request body", e);
    }
  }
}
