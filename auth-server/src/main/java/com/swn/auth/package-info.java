/**
 * The local stand-in for the Amazon Cognito user pool: issues RS256 access tokens with Cognito's
 * claim names to demo users, so that the services and the gateway validate tokens exactly as they
 * do in AWS. Never deployed to AWS: there the CDK app's user pool is the issuer.
 */
@NullMarked
package com.swn.auth;

import org.jspecify.annotations.NullMarked;
