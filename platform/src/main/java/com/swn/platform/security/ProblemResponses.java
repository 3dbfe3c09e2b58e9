package com.swn.platform.security;

import com.swn.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * 401, 403 and the firewall's 400 as problem documents with the request id, like every other error.
 * Spring Security's bearer-token handlers set the status and the RFC 6750 {@code WWW-Authenticate}
 * header; the body is added here (theirs is empty).
 */
final class ProblemResponses
    implements AuthenticationEntryPoint,
        AccessDeniedHandler,
        RequestRejectedHandler,
        AuthenticationFailureHandler {

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(ProblemResponses.class);
  private final BearerTokenAuthenticationEntryPoint bearerEntryPoint =
      new BearerTokenAuthenticationEntryPoint();
  private final BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
      throws IOException {
    bearerEntryPoint.commence(request, response, ex);
    boolean sent = request.getHeader("Authorization") != null;
    Problems.write(
        request,
        response,
        HttpStatus.UNAUTHORIZED,
        "Unauthorized",
        sent
            ? "The access token is not valid: expired, not signed by the issuer, or not for this API."
            : "This request needs an access token: Authorization: Bearer <token>.",
        Map.of());
  }

  /**
   * A token that could not be checked because the issuer's keys could not be fetched is the
   * service's problem, not the client's: 503 with Retry-After, as for any other unavailable
   * dependency.
   */
  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
      throws IOException {
    if (ex instanceof AuthenticationServiceException) {
      log.warn("Access token not checked: {}", ex.getMessage());
      response.setHeader("Retry-After", "5");
      Problems.write(
          request,
          response,
          HttpStatus.SERVICE_UNAVAILABLE,
          "Service unavailable",
          "The token issuer's keys could not be fetched; retry later.",
          Map.of());
      return;
    }
    commence(request, response, ex);
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
      throws IOException {
    bearerDenied.handle(request, response, ex);
    Problems.write(
        request,
        response,
        HttpStatus.FORBIDDEN,
        "Forbidden",
        "The token's user may not do this: it names another customer, or it needs the operators group.",
        Map.of());
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, RequestRejectedException ex)
      throws IOException {
    Problems.write(
        request,
        response,
        HttpStatus.BAD_REQUEST,
        "Bad request",
        "The request's path or headers are not acceptable.",
        Map.of());
  }
}
