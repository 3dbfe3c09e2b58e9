package com.swn.gateway;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's HTML error page, replaced for the answers Tomcat gives before any filter runs (a
 * malformed request line, a bad escape or encoded {@code /} in the path, a header over the limit):
 * they are problem documents with a request id, like the gateway's other errors. The services have
 * the same valve (platform); the gateway does not depend on platform, which brings AWS clients.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int code = response.getStatus();
    var ioAllowed = new AtomicBoolean(false);
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
    if (code < 400 || response.getContentWritten() > 0 || !ioAllowed.get()) {
      return;
    }
    var status = HttpStatus.resolve(code);
    var requestId = RequestIdFilter.ensure(request, response);
    var body = new LinkedHashMap<String, Object>();
    body.put("type", "about:blank");
    body.put("title", status == null ? "Error" : status.getReasonPhrase());
    body.put("status", code);
    body.put("detail", "The gateway could not parse the request line, path, query or headers.");
    body.put("requestId", requestId);
    try {
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      response.getOutputStream().write(JsonMapper.shared().writeValueAsBytes(body));
      response.finishResponse();
    } catch (IOException | IllegalStateException e) {
      // The connection is gone or the response already committed: nothing more can be said.
    }
  }
}
