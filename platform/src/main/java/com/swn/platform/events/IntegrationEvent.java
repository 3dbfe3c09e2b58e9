package com.swn.platform.events;

/**
 * A fact another service may react to. The record's simple name is its EventBridge {@code
 * detail-type}; bump {@link #schemaVersion()} on any incompatible change to its fields.
 */
public interface IntegrationEvent {

  default String eventType() {
    return getClass().getSimpleName();
  }

  default int schemaVersion() {
    return 1;
  }
}
