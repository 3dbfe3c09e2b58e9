/** The CDK app that deploys the SWN shop to ECS Fargate behind an API Gateway HTTP API. */
@NullMarked
package com.swn.infra;

import org.jspecify.annotations.NullMarked;
