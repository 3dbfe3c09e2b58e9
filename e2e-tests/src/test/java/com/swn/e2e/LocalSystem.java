package com.swn.e2e;

import com.swn.localaws.LocalAws;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The whole system as {@code make up} runs it: the emulator, the packaged services — two ordering
 * instances competing on one queue — and the gateway, each its own process. Started once per test
 * JVM and stopped when it exits.
 */
final class LocalSystem {

  static final String PRODUCT = "product-service";
  static final String BASKET = "basket-service";
  static final String ORDERING_1 = "ordering-service-1";
  static final String ORDERING_2 = "ordering-service-2";
  static final String GATEWAY = "gateway";
  static final String AUTH = "auth-server";
  // Generous: four JVMs start at once on two cores, and a busy CI host can slow that a lot.
  private static final Duration START_TIMEOUT = Duration.ofSeconds(300);

  private static LocalSystem shared;

  private final LocalAws aws;
  private final Map<String, ServiceProcess> processes = new LinkedHashMap<>();
  private final OtlpReceiver traces = new OtlpReceiver();
  private final Tokens tokens;

  private LocalSystem() {
    aws = LocalAws.shared();
    var root = Path.of(System.getProperty("e2e.root", ".."));
    var version = System.getProperty("e2e.version", "0.1.0-SNAPSHOT");
    var logs = Path.of("target", "e2e-logs");
    var environment = new HashMap<>(aws.environment());
    environment.put("LOG_FORMAT", "ecs");
    // Export every span, as the ADOT sidecar gets them in AWS, to the test's own OTLP endpoint.
    environment.put(
        "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT", traces.tracesEndpoint());
    environment.put("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_SCHEDULE_DELAY", "200ms");

    // The local issuer first: every other process trusts its tokens (AUTH_ISSUER), as in make up.
    var issuerEnvironment = new HashMap<String, String>();
    var auth =
        new ServiceProcess(
            AUTH, jar(root, AUTH, version), issuerEnvironment, "/actuator/health/readiness", logs);
    // Its own URL (a random port) is the issuer name its tokens carry and the services expect.
    issuerEnvironment.put("AUTH_ISSUER", auth.baseUrl());
    environment.put("AUTH_ISSUER", auth.baseUrl());
    auth.start().awaitReady(START_TIMEOUT);
    processes.put(AUTH, auth);
    tokens = new Tokens(auth.baseUrl());

    add(
        new ServiceProcess(
            PRODUCT, jar(root, PRODUCT, version), environment, "/actuator/health/readiness", logs));
    var basketEnvironment = new HashMap<>(environment);
    basketEnvironment.put("PRODUCT_SERVICE_URL", processes.get(PRODUCT).baseUrl());
    add(
        new ServiceProcess(
            BASKET,
            jar(root, BASKET, version),
            basketEnvironment,
            "/actuator/health/readiness",
            logs));
    var orderingEnvironment = new HashMap<>(environment);
    // A poison message should reach the DLQ within seconds here, not the production minutes.
    orderingEnvironment.put("ORDER_RETRY_INITIAL_VISIBILITY", "1s");
    orderingEnvironment.put("ORDER_RETRY_MULTIPLIER", "1.0");
    for (var ordering : List.of(ORDERING_1, ORDERING_2)) {
      add(
          new ServiceProcess(
              ordering,
              jar(root, "ordering-service", version),
              orderingEnvironment,
              "/actuator/health/readiness",
              logs));
    }
    var gatewayEnvironment = new HashMap<>(environment);
    gatewayEnvironment.put("PRODUCT_SERVICE_URL", processes.get(PRODUCT).baseUrl());
    gatewayEnvironment.put("BASKET_SERVICE_URL", processes.get(BASKET).baseUrl());
    gatewayEnvironment.put("ORDERING_SERVICE_URL", processes.get(ORDERING_1).baseUrl());
    add(
        new ServiceProcess(
            GATEWAY, jar(root, GATEWAY, version), gatewayEnvironment, "/actuator/health", logs));

    var all = new ArrayList<>(processes.values());
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> all.reversed().forEach(ServiceProcess::stop)));
    all.stream().filter(process -> process != auth).forEach(ServiceProcess::start);
    // Two cores: starting in parallel and waiting together is the fastest way up.
    CompletableFuture.allOf(
            all.stream()
                .map(service -> CompletableFuture.runAsync(() -> service.awaitReady(START_TIMEOUT)))
                .toArray(CompletableFuture[]::new))
        .join();
  }

  static synchronized LocalSystem shared() {
    if (shared == null) {
      shared = new LocalSystem();
    }
    return shared;
  }

  String gatewayUrl() {
    return processes.get(GATEWAY).baseUrl();
  }

  String url(String name) {
    return processes.get(name).baseUrl();
  }

  /** Tokens of the local issuer, as scripts/token gets them. */
  Tokens tokens() {
    return tokens;
  }

  /**
   * A client of the gateway that sends the token of whoever a request is about ({@link
   * Tokens#owners}).
   */
  com.swn.testsupport.HttpJson api() {
    return new com.swn.testsupport.HttpJson(gatewayUrl(), tokens.owners());
  }

  LocalAws aws() {
    return aws;
  }

  /** The spans the services exported. */
  OtlpReceiver traces() {
    return traces;
  }

  /** The structured (ECS) log lines a service has written so far. */
  List<String> logLines(String name) {
    return processes.get(name).logLines();
  }

  /** SIGKILL: no shutdown hook, no graceful drain, in-flight messages are simply abandoned. */
  void kill(String name) {
    processes.get(name).kill();
  }

  void restart(String name) {
    var process = processes.get(name);
    process.stop();
    process.start();
    process.awaitReady(START_TIMEOUT);
  }

  private void add(ServiceProcess process) {
    processes.put(process.name(), process);
  }

  private static Path jar(Path root, String module, String version) {
    return root.resolve(module).resolve("target").resolve(module + "-" + version + ".jar");
  }
}
