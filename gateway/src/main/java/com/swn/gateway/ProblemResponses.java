package com.swn.gateway;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error the gateway itself produces is an RFC 9457 problem document with the request path as
 * {@code instance} and the request id. Responses of the services are not touched: their own problem
 * documents pass through as they are. Spring MVC applies this advice to the gateway's handler
 * functions too, and the superclass covers 404 (no route), 413 (the size filters) and the like.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
  private static final URI ABOUT_BLANK = URI.create("about:blank");

  @ExceptionHandler(ResourceAccessException.class)
  @Nullable ResponseEntity<Object> upstreamFailed(ResourceAccessException ex, WebRequest request) {
    UpstreamFailure failure = UpstreamFailure.of(ex);
    String service = routeId(request);
    // The message names the internal host; it belongs in the log, not in the response. No stack
    // trace: a stopped service is an expected state of a local run.
    log.warn("Call to the {} service failed ({}): {}", service, failure, ex.getMessage());
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(failure.status(), failure.detail(service));
    problem.setType(failure.type());
    return handleExceptionInternal(ex, problem, new HttpHeaders(), failure.status(), request);
  }

  /** Tomcat parses the query only when the proxy reads it: a bad escape or an empty name. */
  @ExceptionHandler(InvalidParameterException.class)
  @Nullable ResponseEntity<Object> malformedQuery(
      InvalidParameterException ex, WebRequest request) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            "The query string is not valid percent-encoded UTF-8 name=value pairs.");
    problem.setTitle("Invalid query string");
    return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
  }

  @ExceptionHandler(Exception.class)
  @Nullable ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
    log.error("Request failed in the gateway", ex);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.INTERNAL_SERVER_ERROR, "The gateway could not handle the request.");
    return handleExceptionInternal(
        ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
  }

  @Override
  protected ResponseEntity<Object> createResponseEntity(
      @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
    if (body instanceof ProblemDetail problem) {
      HttpServletRequest servletRequest = servletRequest(request);
      // Spring leaves an unset type out of the JSON; callers get the RFC's default spelled out.
      if (problem.getType() == null) {
        problem.setType(ABOUT_BLANK);
      }
      HttpServletResponse servletResponse = servletResponse(request);
      if (servletRequest != null && servletResponse != null) {
        // On an error dispatch the request URI is /error; the caller's path is an attribute.
        Object path = servletRequest.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String instance =
            path instanceof String original ? original : servletRequest.getRequestURI();
        try {
          problem.setInstance(URI.create(instance));
        } catch (IllegalArgumentException notAUri) {
          // Left out: the path itself was what went wrong.
        }
        problem.setProperty("requestId", RequestIdFilter.ensure(servletRequest, servletResponse));
      }
    }
    return super.createResponseEntity(body, headers, statusCode, request);
  }

  private static @Nullable String routeId(WebRequest request) {
    HttpServletRequest servletRequest = servletRequest(request);
    return servletRequest == null
        ? null
        : (String) servletRequest.getAttribute(MvcUtils.GATEWAY_ROUTE_ID_ATTR);
  }

  private static @Nullable HttpServletResponse servletResponse(WebRequest request) {
    return request instanceof NativeWebRequest nativeRequest
        ? nativeRequest.getNativeResponse(HttpServletResponse.class)
        : null;
  }

  private static @Nullable HttpServletRequest servletRequest(WebRequest request) {
    return request instanceof NativeWebRequest nativeRequest
        ? nativeRequest.getNativeRequest(HttpServletRequest.class)
        : null;
  }
}
