package com.swn.gateway;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/** Why a call to a service failed, as the caller should see it. */
enum UpstreamFailure {
  UNAVAILABLE(
      HttpStatus.SERVICE_UNAVAILABLE, "upstream-unavailable", "The %s service is not reachable."),
  TIMEOUT(
      HttpStatus.GATEWAY_TIMEOUT, "upstream-timeout", "The %s service did not respond in time."),
  BAD_RESPONSE(
      HttpStatus.BAD_GATEWAY,
      "bad-gateway",
      "The %s service closed the connection or sent an invalid response.");

  private final HttpStatus status;
  private final URI type;
  private final String detail;

  UpstreamFailure(HttpStatus status, String type, String detail) {
    this.status = status;
    this.type = URI.create("urn:swn:problem:gateway:" + type);
    this.detail = detail;
  }

  /**
   * Connect failures (refused, no route, connect timeout) mean the service is not there: 503. A
   * timeout after connecting is 504. Anything else broke mid-exchange: 502. The connect timeout is
   * checked first because the JDK's {@link HttpConnectTimeoutException} is a kind of {@link
   * HttpTimeoutException}.
   */
  static UpstreamFailure of(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof HttpConnectTimeoutException
          || t instanceof ConnectException
          || t instanceof NoRouteToHostException
          || t instanceof UnknownHostException
          || t instanceof UnresolvedAddressException) {
        return UNAVAILABLE;
      }
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof HttpTimeoutException) {
        return TIMEOUT;
      }
    }
    return BAD_RESPONSE;
  }

  HttpStatus status() {
    return status;
  }

  URI type() {
    return type;
  }

  String detail(@Nullable String service) {
    return detail.formatted(service == null ? "upstream" : service);
  }
}
