package com.swn.platform.aws;

import com.swn.platform.web.ProblemDetailsAdvice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * A call to AWS that failed on the client side — timed out, could not connect, connection reset —
 * even after the SDK's retries: the request is answered with a 503 problem (and {@code
 * Retry-After}) in the platform's error model, not a 500, and the SDK's message stays in the log.
 * Runs before {@link ProblemDetailsAdvice}, which renders the problem.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AwsUnavailableAdvice {

  private static final Logger log = LoggerFactory.getLogger(AwsUnavailableAdvice.class);

  private final ProblemDetailsAdvice problems;

  public AwsUnavailableAdvice(ProblemDetailsAdvice problems) {
    this.problems = problems;
  }

  @ExceptionHandler(SdkClientException.class)
  ResponseEntity<Object> unavailable(SdkClientException ex, WebRequest request) throws Exception {
    log.atWarn().log("AWS call failed on the client side, answering 503: {}", String.valueOf(ex));
    var problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            "A storage or messaging dependency could not be reached in time. Retry shortly.");
    problem.setTitle("Dependency unavailable");
    var unavailable = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, ex);
    unavailable.getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
    return problems.handleException(unavailable, request);
  }
}
