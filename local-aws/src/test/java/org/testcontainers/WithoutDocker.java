package org.testcontainers;

import java.net.URI;
import java.util.function.Supplier;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;
import org.testcontainers.dockerclient.TransportConfig;

/**
 * Test seam: lets a test build (never start) Testcontainers container objects on a machine without
 * a Docker engine. The LocalStack and Floci constructors ask {@link DockerClientFactory} for the
 * Docker socket path to mount; this answers that from a stand-in strategy (through the field
 * Testcontainers keeps visible for tests) instead of probing for an engine, and restores the
 * factory afterwards.
 */
public final class WithoutDocker {

  private WithoutDocker() {}

  public static synchronized <T> T build(Supplier<T> construction) {
    DockerClientFactory factory = DockerClientFactory.instance();
    DockerClientProviderStrategy previous = factory.strategy;
    factory.strategy = new StandIn();
    try {
      return construction.get();
    } finally {
      factory.strategy = previous;
    }
  }

  private static final class StandIn extends DockerClientProviderStrategy {

    @Override
    public String getDescription() {
      return "stand-in for building container definitions without Docker";
    }

    @Override
    public TransportConfig getTransportConfig() {
      return TransportConfig.builder()
          .dockerHost(URI.create("unix:///var/run/docker.sock"))
          .build();
    }

    @Override
    public String getRemoteDockerUnixSocketPath() {
      return "/var/run/docker.sock";
    }

    @Override
    public boolean allowUserOverrides() {
      return false;
    }
  }
}
