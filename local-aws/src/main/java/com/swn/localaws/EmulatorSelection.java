package com.swn.localaws;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * Which emulator this JVM's tests use, decided once from the environment and the system properties:
 *
 * <ol>
 *   <li>{@code AWS_ENDPOINT_URL} set: that endpoint is used as it is and nothing is started. {@code
 *       test.emulator} / {@code TEST_EMULATOR}, if given, then names the emulator behind it (for
 *       {@link UnsupportedOn}); otherwise {@link LocalAws} recognises it by its health endpoints,
 *       or calls it {@link Emulator#UNKNOWN}.
 *   <li>else the system property {@code test.emulator}, else the environment variable {@code
 *       TEST_EMULATOR}: {@code moto}, {@code localstack} or {@code floci}, started by {@link
 *       LocalAws};
 *   <li>else {@code moto}.
 * </ol>
 *
 * @param emulator the emulator behind the endpoint ({@link Emulator#UNKNOWN}: an endpoint that was
 *     not named)
 * @param endpoint the explicit {@code AWS_ENDPOINT_URL}, or {@code null} when {@link LocalAws}
 *     starts the emulator
 * @param reason how the choice was made, for logs and messages
 */
public record EmulatorSelection(Emulator emulator, @Nullable URI endpoint, String reason) {

  /** System property naming the emulator (wins over {@link #ENVIRONMENT_VARIABLE}). */
  public static final String PROPERTY = "test.emulator";

  /** Environment variable naming the emulator. */
  public static final String ENVIRONMENT_VARIABLE = "TEST_EMULATOR";

  /** Environment variable with the endpoint of an emulator that is already running. */
  public static final String ENDPOINT_VARIABLE = "AWS_ENDPOINT_URL";

  /** The selection for this JVM. */
  public static EmulatorSelection current() {
    return resolve(System.getenv(), asMap(System.getProperties()));
  }

  /**
   * The selection that {@code env} and {@code properties} make.
   *
   * @throws IllegalArgumentException for an unknown emulator name or an {@code AWS_ENDPOINT_URL}
   *     that is not an absolute http(s) URL
   */
  public static EmulatorSelection resolve(Map<String, String> env, Map<String, String> properties) {
    String property = blankToNull(properties.get(PROPERTY));
    String variable = blankToNull(env.get(ENVIRONMENT_VARIABLE));
    Emulator named = null;
    String origin = "default (neither -D" + PROPERTY + " nor " + ENVIRONMENT_VARIABLE + " is set)";
    if (property != null) {
      named = Emulator.parse(property, "system property " + PROPERTY);
      origin = "-D" + PROPERTY + "=" + property;
    } else if (variable != null) {
      named = Emulator.parse(variable, "environment variable " + ENVIRONMENT_VARIABLE);
      origin = ENVIRONMENT_VARIABLE + "=" + variable;
    }
    String endpointUrl = blankToNull(env.get(ENDPOINT_VARIABLE));
    if (endpointUrl != null) {
      URI endpoint = parseEndpoint(endpointUrl);
      return named == null
          ? new EmulatorSelection(
              Emulator.UNKNOWN,
              endpoint,
              ENDPOINT_VARIABLE
                  + " is set; the emulator behind it is recognised by its health endpoint")
          : new EmulatorSelection(
              named,
              endpoint,
              ENDPOINT_VARIABLE + " is set; " + origin + " names the emulator behind it");
    }
    return new EmulatorSelection(named == null ? Emulator.MOTO : named, null, origin);
  }

  /** Whether {@link LocalAws} starts the emulator (no {@code AWS_ENDPOINT_URL}). */
  public boolean startsEmulator() {
    return endpoint == null;
  }

  private static URI parseEndpoint(String value) {
    try {
      URI uri = new URI(value);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        ENDPOINT_VARIABLE
            + "="
            + value
            + " is not an absolute http(s) URL such as http://127.0.0.1:4566");
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static Map<String, String> asMap(Properties properties) {
    Map<String, String> map = new HashMap<>();
    properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
    return map;
  }
}
