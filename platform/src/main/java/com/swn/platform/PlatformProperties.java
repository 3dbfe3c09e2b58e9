package com.swn.platform;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the cross-cutting wiring every service shares. Each service sets its own event source
 * and outbox table in its {@code application.yml}; the rest has safe defaults.
 */
@Validated
@ConfigurationProperties("platform")
public record PlatformProperties(@Valid Events events, @Valid Outbox outbox, @Valid Web web) {

  public PlatformProperties(
      @DefaultValue Events events, @DefaultValue Outbox outbox, @DefaultValue Web web) {
    this.events = events;
    this.outbox = outbox;
    this.web = web;
  }

  /**
   * @param busName name (or ARN) of the EventBridge bus every event goes to
   * @param source the EventBridge {@code source} of this service's events, e.g. {@code
   *     com.swn.product}
   */
  public record Events(
      @NotBlank @DefaultValue("SwnEventBus") String busName, @DefaultValue("") String source) {}

  /**
   * @param table the service's outbox table; the relay is off when it is empty
   * @param sweepInterval how often the relay looks for events the fast path did not publish
   * @param sweepMinAge events younger than this are left to the fast path, so the two rarely race
   * @param sweepBatchSize the most events one sweep publishes
   * @param shutdownTimeout how long shutdown waits for in-flight publishes
   */
  public record Outbox(
      @Nullable String table,
      @NotNull @DefaultValue("2s") Duration sweepInterval,
      @NotNull @DefaultValue("5s") Duration sweepMinAge,
      @Min(1) @DefaultValue("100") int sweepBatchSize,
      @NotNull @DefaultValue("10s") Duration shutdownTimeout) {

    public boolean enabled() {
      return table != null && !table.isBlank();
    }
  }

  /**
   * @param maxRequestSize larger request bodies are rejected with 413 before any work is done
   */
  public record Web(@NotNull @DefaultValue("64KB") DataSize maxRequestSize) {}
}
