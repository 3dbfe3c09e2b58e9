package com.swn.localaws;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What one {@link Provisioner#provision} run found or did, one entry per resource, in provisioning
 * order.
 */
public record ProvisioningSummary(List<ProvisionedResource> resources) {

  public ProvisioningSummary {
    resources = List.copyOf(resources);
  }

  /** The kind of a provisioned resource. */
  public enum Kind {
    EVENT_BUS,
    TABLE,
    QUEUE,
    RULE
  }

  /**
   * {@code CREATED}: did not exist and was created by this run. {@code EXISTED}: was already there
   * (its mutable settings such as queue attributes or TTL were re-applied). {@code APPLIED}:
   * written as an upsert (rules and their targets), so whether it existed before is not known.
   */
  public enum Outcome {
    CREATED,
    EXISTED,
    APPLIED
  }

  /** One resource: its ARN as read from the API, and for queues the queue URL. */
  public record ProvisionedResource(
      Kind kind, String name, Outcome outcome, String arn, String url) {

    /** One aligned, human-readable line. */
    public String line() {
      String location = url.isEmpty() ? arn : arn + "  " + url;
      return String.format(
          Locale.ROOT,
          "%-9s %-30s %-7s %s",
          label(kind),
          name,
          outcome.name().toLowerCase(Locale.ROOT),
          location);
    }

    private static String label(Kind kind) {
      return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  public List<String> lines() {
    return resources.stream().map(ProvisionedResource::line).toList();
  }

  public Optional<ProvisionedResource> find(Kind kind, String name) {
    return resources.stream().filter(r -> r.kind() == kind && r.name().equals(name)).findFirst();
  }

  public long count(Outcome outcome) {
    return resources.stream().filter(r -> r.outcome() == outcome).count();
  }

  @Override
  public String toString() {
    return String.join(System.lineSeparator(), lines());
  }
}
