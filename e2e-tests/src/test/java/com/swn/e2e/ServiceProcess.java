package com.swn.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One packaged service started with {@code java -jar}, as {@code make up} and a container do. */
final class ServiceProcess {

  private final String name;
  private final Path jar;
  private final int port;
  private final Map<String, String> environment;
  private final String readinessPath;
  private final Path log;
  private Process process;

  ServiceProcess(
      String name, Path jar, Map<String, String> environment, String readinessPath, Path logDir) {
    this.name = name;
    this.jar = jar;
    this.port = freePort();
    this.environment = environment;
    this.readinessPath = readinessPath;
    this.log = logDir.resolve(name + ".log");
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  String name() {
    return name;
  }

  ServiceProcess start() {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar
              + " is missing: run the build with 'make test' (./mvnw verify), which packages the services first");
    }
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Xss512k");
    command.add("-jar");
    command.add(jar.toString());
    var builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    builder.environment().put("SERVER_PORT", Integer.toString(port));
    try {
      Files.createDirectories(log.getParent());
      process = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + name, e);
    }
    return this;
  }

  void awaitReady(Duration timeout) {
    var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    var deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " exited with " + process.exitValue() + "; see " + log);
      }
      try {
        var response =
            http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + readinessPath))
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(250);
    }
    throw new IllegalStateException(name + " not ready after " + timeout + "; see " + log);
  }

  /** SIGKILL, as an out-of-memory kill or a lost host would end it. */
  void kill() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** SIGTERM, as ECS and Ctrl-C send it, so graceful shutdown runs. */
  void stop() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }

  private static int freePort() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
