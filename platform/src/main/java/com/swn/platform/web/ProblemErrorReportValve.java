package com.swn.platform.web;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Replaces Tomcat's HTML error page. Tomcat answers some requests itself before any filter or
 * servlet runs — a malformed request line, a bad escape, an encoded {@code /} or {@code \} or NUL
 * in the path, a request line or header over the limit — and those answers become problem documents
 * with a request id as well. Errors of requests that reached the application are rendered by {@link
 * ProblemErrorController}, so this sees only the empty error responses left over.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int code = response.getStatus();
    if (code < 400 || response.getContentWritten() > 0) {
      return;
    }
    var ioAllowed = new AtomicBoolean(false);
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
    if (!ioAllowed.get()) {
      return;
    }
    var status = HttpStatus.resolve(code);
    if (status == null) {
      status = code >= 500 ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST;
    }
    var requestId = response.getHeader(RequestIds.HEADER);
    if (requestId == null) {
      requestId = RequestIds.acceptOrGenerate(request.getHeader(RequestIds.HEADER));
      response.setHeader(RequestIds.HEADER, requestId);
    }
    var body =
        Problems.body(
            status, status.getReasonPhrase(), detail(status), path(request), requestId, Map.of());
    try {
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      var out = response.getOutputStream();
      out.write(Problems.json(body));
      response.finishResponse();
    } catch (IOException | IllegalStateException e) {
      // The connection is gone or the response already committed: nothing more can be said.
    }
  }

  /** Fixed words: Tomcat's own message quotes the request and names its internals. */
  static String detail(HttpStatus status) {
    return switch (status) {
      case BAD_REQUEST ->
          "The request is not well-formed: its request line, path, query or headers cannot be parsed.";
      case REQUEST_HEADER_FIELDS_TOO_LARGE, URI_TOO_LONG ->
          "The request line or headers are larger than the server accepts.";
      default ->
          status.is5xxServerError()
              ? "The request could not be completed. Quote the request id when reporting it."
              : status.getReasonPhrase() + ".";
    };
  }

  private static String path(Request request) {
    try {
      return request.getRequestURI();
    } catch (RuntimeException e) {
      return null;
    }
  }
}
