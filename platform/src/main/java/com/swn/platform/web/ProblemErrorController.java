package com.swn.platform.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Boot's {@code BasicErrorController}: an error that leaves the servlet without a body (a
 * {@code sendError} by the container, e.g. 405 for {@code TRACE}, or an exception thrown by a
 * filter) is a problem document like every other, with the request's id. The original request's
 * filters have finished by now (or never ran), so the id is read back from the response header.
 */
@Hidden
@RestController
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ProblemErrorController implements ErrorController {

  @RequestMapping
  ResponseEntity<ProblemDetail> error(HttpServletRequest request, HttpServletResponse response) {
    var code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    // Asked for directly, /error is just a path that names no resource.
    var status = code instanceof Integer value ? HttpStatus.resolve(value) : HttpStatus.NOT_FOUND;
    if (status == null || !status.isError()) {
      status = HttpStatus.INTERNAL_SERVER_ERROR;
    }
    var problem = ProblemDetail.forStatusAndDetail(status, ProblemErrorReportValve.detail(status));
    problem.setTitle(status.getReasonPhrase());
    if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) {
      try {
        problem.setInstance(URI.create(uri));
      } catch (IllegalArgumentException notAUri) {
        // Left out: the path itself was what the container refused.
      }
    }
    var requestId = response.getHeader(RequestIds.HEADER);
    if (requestId == null) {
      // Refused by the container before any filter ran (TRACE, for one).
      requestId = RequestIds.acceptOrGenerate(request.getHeader(RequestIds.HEADER));
      response.setHeader(RequestIds.HEADER, requestId);
    }
    problem.setProperty("requestId", requestId);
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
