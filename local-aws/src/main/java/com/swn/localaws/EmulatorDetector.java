package com.swn.localaws;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Recognises the emulator behind an endpoint that was not named, by the health endpoint only it
 * serves. Floci is asked first because it also answers LocalStack's {@code /_localstack/health}.
 */
final class EmulatorDetector {

  static final Duration TIMEOUT = Duration.ofSeconds(3);
  private static final List<Map.Entry<String, Emulator>> PROBES =
      List.of(
          Map.entry("/_floci/health", Emulator.FLOCI),
          Map.entry("/_localstack/health", Emulator.LOCALSTACK),
          Map.entry("/moto-api/config", Emulator.MOTO));

  private EmulatorDetector() {}

  static Emulator detect(URI endpoint) {
    try (HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()) {
      for (Map.Entry<String, Emulator> probe : PROBES) {
        if (answers(client, endpoint.resolve(probe.getKey()))) {
          return probe.getValue();
        }
      }
      return Emulator.UNKNOWN;
    }
  }

  /** Whether {@code uri} answers a GET with 2xx (within {@link #TIMEOUT}). */
  static boolean answers(HttpClient client, URI uri) {
    try {
      HttpResponse<Void> response =
          client.send(
              HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
              HttpResponse.BodyHandlers.discarding());
      return response.statusCode() / 100 == 2;
    } catch (IOException | RuntimeException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
