package com.swn.localaws;

import java.net.URI;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Endpoint, region and credentials read from the standard SDK environment variables, and the
 * clients built from them. With an endpoint and no credentials in the environment, {@code
 * test}/{@code test} is used (emulators accept anything); without an endpoint, the SDK's default
 * credentials chain.
 */
record AwsSettings(@Nullable URI endpoint, String region, AwsCredentialsProvider credentials) {

  static final String DEFAULT_REGION = "us-east-1";
  static final String TEST_CREDENTIAL = "test";

  static AwsSettings fromEnvironment(Map<String, String> env) {
    String endpointUrl = blankToNull(env.get("AWS_ENDPOINT_URL"));
    URI endpoint = endpointUrl == null ? null : URI.create(endpointUrl);
    String region =
        firstNonBlank(env.get("AWS_REGION"), env.get("AWS_DEFAULT_REGION"), DEFAULT_REGION);
    String keyId = blankToNull(env.get("AWS_ACCESS_KEY_ID"));
    String secret = blankToNull(env.get("AWS_SECRET_ACCESS_KEY"));
    AwsCredentialsProvider credentials;
    if (keyId != null && secret != null) {
      credentials = staticCredentials(keyId, secret);
    } else if (endpoint != null) {
      credentials = staticCredentials(TEST_CREDENTIAL, TEST_CREDENTIAL);
    } else {
      credentials = DefaultCredentialsProvider.builder().build();
    }
    return new AwsSettings(endpoint, region, credentials);
  }

  static AwsCredentialsProvider staticCredentials(String keyId, String secret) {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret));
  }

  DynamoDbClient dynamoDb() {
    return configure(DynamoDbClient.builder()).build();
  }

  SqsClient sqs() {
    return configure(SqsClient.builder()).build();
  }

  EventBridgeClient eventBridge() {
    return configure(EventBridgeClient.builder()).build();
  }

  private <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(B builder) {
    builder
        .region(Region.of(region))
        .credentialsProvider(credentials)
        .httpClientBuilder(UrlConnectionHttpClient.builder());
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    return builder;
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static String firstNonBlank(@Nullable String... values) {
    for (String value : values) {
      if (blankToNull(value) != null) {
        return value.trim();
      }
    }
    throw new IllegalArgumentException("no value");
  }
}
