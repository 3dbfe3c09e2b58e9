package com.swn.gateway;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Errors that never reach a route — a container {@code sendError} such as 405 for {@code TRACE}, a
 * request Tomcat refuses outright — become problem documents like every other gateway error: the
 * error dispatch is handed to {@link ProblemResponses} instead of Boot's JSON error, and Tomcat's
 * HTML error report valve is swapped for {@link ProblemErrorReportValve}.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ErrorDispatch implements ErrorController {

  @RequestMapping
  void error(HttpServletRequest request) {
    var code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    // Asked for directly, /error is just a path that is not routed.
    var status = code instanceof Integer value ? HttpStatus.resolve(value) : HttpStatus.NOT_FOUND;
    throw new ErrorResponseException(
        status != null && status.isError() ? status : HttpStatus.INTERNAL_SERVER_ERROR);
  }

  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE)
  static WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemErrorReportValve() {
    return factory ->
        factory.addContextCustomizers(
            context -> {
              var host = context.getParent();
              for (var valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                  host.getPipeline().removeValve(valve);
                }
              }
              if (host instanceof StandardHost standardHost) {
                standardHost.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
              }
              host.getPipeline().addValve(new ProblemErrorReportValve());
            });
  }
}
