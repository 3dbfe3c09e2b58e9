package com.swn.localaws;

import static com.swn.localaws.Emulator.FLOCI;
import static com.swn.localaws.Emulator.LOCALSTACK;
import static com.swn.localaws.Emulator.MOTO;

import java.util.EnumSet;
import java.util.Set;

/**
 * The one list of behaviours that an emulator lacks, each with the emulators concerned and the
 * reason. A test that depends on one says so with {@link UnsupportedOn} and is skipped, with this
 * reason, on those emulators only. Pinned versions: moto 5.2.1 ({@code scripts/moto.sh}),
 * LocalStack community 4.14.0 (image in {@link EmulatorContainers}, or {@code localstack-core} on
 * the host via {@code scripts/localstack.sh}), Floci 1.5.14 ({@link EmulatorContainers}). Keep
 * {@code docs/local-aws.md} ("Emulator gaps") in step; a test checks it.
 */
public enum EmulatorGap {

  /**
   * Used by {@code
   * ProvisionerIntegrationTest.ruleTargetsUseTheQueueArnsWithDeadLetterAndRetryPolicy}.
   */
  RULE_TARGET_DLQ_NOT_STORED(
      EnumSet.of(FLOCI),
      "Floci has no per-target DLQ: PutTargets accepts a target's DeadLetterConfig and RetryPolicy but drops them,"
          + " so ListTargetsByRule does not return them"),

  /** No test depends on it yet: none makes a rule target undeliverable. */
  RULE_TARGET_DLQ_DELIVERY(
      EnumSet.of(MOTO, FLOCI),
      "an event that cannot be delivered to a rule target is neither retried nor sent to the target's DLQ"
          + " (moto stores DeadLetterConfig/RetryPolicy without using them; Floci has no per-target DLQ)"),

  /** No test depends on it yet: every rule and tap uses exact matches. */
  NUMERIC_OR_WILDCARD_PATTERN(
      EnumSet.of(FLOCI),
      "Floci's event patterns know exact, prefix, suffix, anything-but, equals-ignore-case and exists,"
          + " but no numeric and no wildcard operator"),

  /** No test depends on it yet: no test calls API Gateway. */
  API_GATEWAY_V2(
      EnumSet.of(LOCALSTACK),
      "LocalStack community has no API Gateway v2 (HTTP APIs were never in the free edition)"),

  /** No test depends on it yet: the gateway module stands in for the HTTP API everywhere. */
  API_GATEWAY_V2_DATA_PLANE(
      EnumSet.of(MOTO, LOCALSTACK),
      "only Floci serves an HTTP API's data plane; moto models the v2 control plane only"),

  /**
   * No test depends on it: our tables use keys, GSIs, condition expressions, transactions and a TTL
   * attribute, all of which moto implements. {@link UnsupportedOnCondition} cannot tell host
   * LocalStack from the container before it starts, so a test carrying this gap would be skipped on
   * LocalStack in both.
   */
  DYNAMODB_FROM_BUNDLED_MOTO(
      EnumSet.of(LOCALSTACK),
      "LocalStack on the host (no Docker) answers DynamoDB with its bundled moto (moto-ext) through our provider"
          + " override, not with Amazon's DynamoDB Local as the localstack/localstack image does (LocalStack"
          + " downloads DynamoDB Local at run time, and its licence is not an open-source one); DynamoDB behaviour"
          + " there is moto's"),

  /**
   * No test depends on it any more: {@code OutboxRelayIntegrationTest} (platform) and {@code
   * CheckoutOutboxIntegrationTest} (basket-service) made PutEvents fail with a missing bus, and now
   * make EventBridge unreachable instead ({@code com.swn.testsupport.Unreachable}).
   */
  PUT_EVENTS_TO_MISSING_BUS_ACCEPTED(
      EnumSet.of(LOCALSTACK),
      "LocalStack 4.14.0 answers a PutEvents to an event bus that does not exist with an EventId and no error, and"
          + " drops the event (moto rejects it), so a missing bus cannot be used there to make PutEvents fail"),

  /** Used by {@code LocalAwsTest.queueUrlsStartWithTheEndpoint}. */
  QUEUE_URL_FROM_BASE_URL(
      EnumSet.of(FLOCI),
      "Floci builds every QueueUrl from FLOCI_BASE_URL (http://localhost:4566), not from the endpoint that was"
          + " called, so behind the port Testcontainers maps the URL names another port (the SDK still sends"
          + " every call to the endpoint, so clients are unaffected)");

  private final Set<Emulator> emulators;
  private final String reason;

  EmulatorGap(Set<Emulator> emulators, String reason) {
    this.emulators = Set.copyOf(emulators);
    this.reason = reason;
  }

  /** The emulators that lack the behaviour. */
  public Set<Emulator> emulators() {
    return emulators;
  }

  /** Why, in one sentence. */
  public String reason() {
    return reason;
  }

  public boolean affects(Emulator emulator) {
    return emulators.contains(emulator);
  }
}
