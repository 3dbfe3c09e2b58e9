package com.swn.e2e;

import com.swn.localaws.LocalAws;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The whole system as {@code make up} runs it: the emulator, the three packaged services and the
 * gateway, each its own process. Started once per test JVM and stopped when it exits.
 */
final class LocalSystem {

  private static LocalSystem shared;

  private final LocalAws aws;
  private final ServiceProcess gateway;

  private LocalSystem() {
    aws = LocalAws.shared();
    var root = Path.of(System.getProperty("e2e.root", ".."));
    var version = System.getProperty("e2e.version", "0.1.0-SNAPSHOT");
    var logs = Path.of("target", "e2e-logs");
    var environment = new HashMap<>(aws.environment());
    environment.put("LOG_FORMAT", "ecs");

    var services =
        List.of("product-service", "basket-service", "ordering-service").stream()
            .map(name -> new ServiceProcess(name, jar(root, name, version), environment, "/actuator/health/readiness", logs))
            .toList();
    var gatewayEnvironment = new HashMap<>(environment);
    gatewayEnvironment.put("PRODUCT_SERVICE_URL", services.get(0).baseUrl());
    gatewayEnvironment.put("BASKET_SERVICE_URL", services.get(1).baseUrl());
    gatewayEnvironment.put("ORDERING_SERVICE_URL", services.get(2).baseUrl());
    gateway = new ServiceProcess("gateway", jar(root, "gateway", version), gatewayEnvironment, "/actuator/health", logs);

    var all = new java.util.ArrayList<>(services);
    all.add(gateway);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> all.forEach(ServiceProcess::stop)));
    all.forEach(ServiceProcess::start);
    // Two cores: starting in parallel and waiting together is the fastest way up.
    CompletableFuture.allOf(
            all.stream().map(service -> CompletableFuture.runAsync(() -> service.awaitReady(Duration.ofSeconds(180)))).toArray(CompletableFuture[]::new))
        .join();
  }

  static synchronized LocalSystem shared() {
    if (shared == null) {
      shared = new LocalSystem();
    }
    return shared;
  }

  String gatewayUrl() {
    return gateway.baseUrl();
  }

  LocalAws aws() {
    return aws;
  }

  private static Path jar(Path root, String module, String version) {
    return root.resolve(module).resolve("target").resolve(module + "-" + version + ".jar");
  }
}
