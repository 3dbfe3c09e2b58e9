package com.swn.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.multipart.MultipartResolver;

/**
 * The services take JSON only, so a multipart request is refused before anything parses it: 415, or
 * 400 when its {@code Content-Type} lacks the boundary it must have. Boot's resolver would have
 * Tomcat parse every request that merely claims {@code multipart/form-data} (a GET included) before
 * routing, and one without a boundary failed there as a 500.
 */
public final class NoMultipartResolver implements MultipartResolver {

  @Override
  public boolean isMultipart(HttpServletRequest request) {
    var contentType = request.getContentType();
    return contentType != null && contentType.regionMatches(true, 0, "multipart/", 0, 10);
  }

  @Override
  public MultipartHttpServletRequest resolveMultipart(HttpServletRequest request) {
    boolean withBoundary;
    try {
      withBoundary =
          MediaType.parseMediaType(request.getContentType()).getParameter("boundary") != null;
    } catch (InvalidMediaTypeException e) {
      withBoundary = false;
    }
    var problem =
        withBoundary
            ? ProblemDetail.forStatusAndDetail(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Multipart bodies are not accepted; send application/json.")
            : ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "The multipart Content-Type has no boundary.");
    problem.setTitle(withBoundary ? "Unsupported media type" : "Malformed Content-Type");
    throw new ErrorResponseException(HttpStatus.valueOf(problem.getStatus()), problem, null);
  }

  @Override
  public void cleanupMultipart(MultipartHttpServletRequest request) {}
}
