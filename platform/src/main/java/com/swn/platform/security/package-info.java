/**
 * Authentication and access rules every service shares: each is an OAuth2 resource server of the
 * Cognito user pool (the local issuer when run locally), with the same claims and problem
 * documents.
 */
@NullMarked
package com.swn.platform.security;

import org.jspecify.annotations.NullMarked;
