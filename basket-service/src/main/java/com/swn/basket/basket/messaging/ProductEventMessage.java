package com.swn.basket.basket.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The SQS body an EventBridge rule delivers: the EventBridge event, whose {@code detail} is our
 * versioned envelope. Only what the listener needs is read.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ProductEventMessage(
    String id,
    @JsonProperty("detail-type") @Nullable String detailType,
    @Nullable String source,
    @Nullable JsonNode detail) {}
