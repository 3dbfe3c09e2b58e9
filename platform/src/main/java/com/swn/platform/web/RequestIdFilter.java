package com.swn.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers every request with its id ({@link RequestIds}): the trace id of the span Boot's HTTP
 * server observation opened for it. Tracing puts the ids into each log line and propagates them;
 * telling the caller is the one part it leaves to the application. Runs right inside that
 * observation.
 */
public class RequestIdFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader(RequestIds.HEADER, RequestIds.of(request));
    chain.doFilter(request, response);
  }
}
