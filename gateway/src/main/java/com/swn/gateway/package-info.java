/**
 * Local stand-in for the API Gateway HTTP API: one port, the same route table as in AWS, built on
 * Spring Cloud Gateway Server Web MVC. Not deployed to AWS.
 */
@NullMarked
package com.swn.gateway;

import org.jspecify.annotations.NullMarked;
