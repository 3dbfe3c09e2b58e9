package com.swn.localaws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link HostEmulator} (moto, LocalStack) started through its script on a free loopback port,
 * logged to {@code <log directory>/<emulator>-<port>.log}.
 */
final class HostEmulatorProcess {

  private static final Logger log = LoggerFactory.getLogger(HostEmulatorProcess.class);
  private static final int ATTEMPTS = 3;

  private final HostEmulator emulator;
  private final Process process;
  private final int port;
  private final Path logFile;

  private HostEmulatorProcess(HostEmulator emulator, Process process, int port, Path logFile) {
    this.emulator = emulator;
    this.process = process;
    this.port = port;
    this.logFile = logFile;
  }

  /**
   * Starts the emulator and waits until its health path answers; retries on another port if the
   * process exits first (another process may have taken the port between our check and its bind).
   */
  static HostEmulatorProcess start(
      HostEmulator emulator, Path repoRoot, Path logDirectory, Duration timeout) {
    IllegalStateException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      HostEmulatorProcess started = launch(emulator, repoRoot, logDirectory, freePort());
      try {
        started.awaitHealthy(timeout);
        log.info(
            "{} started on {} (log: {})",
            emulator.emulator().id(),
            started.endpoint(),
            started.logFile);
        return started;
      } catch (IllegalStateException e) {
        started.stop();
        last = e;
      }
    }
    throw last;
  }

  /**
   * The directory above {@code start} (inclusive) that holds {@code mvnw} and the scripts that run
   * emulators.
   */
  static @Nullable Path findRepoRoot(Path start) {
    for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("mvnw"))
          && Files.isRegularFile(dir.resolve(HostEmulator.MOTO.script()))
          && Files.isRegularFile(dir.resolve(HostEmulator.LOCALSTACK.script()))) {
        return dir;
      }
    }
    return null;
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  Path logFile() {
    return logFile;
  }

  /**
   * TERM to the emulator and anything it started, then KILL whatever is left after five seconds.
   */
  void stop() {
    List<ProcessHandle> tree = process.descendants().toList();
    tree.forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  private static HostEmulatorProcess launch(
      HostEmulator emulator, Path repoRoot, Path logDirectory, int port) {
    Path logFile = logDirectory.resolve(emulator.emulator().id() + "-" + port + ".log");
    try {
      Files.createDirectories(logDirectory);
      Process process =
          new ProcessBuilder(emulator.command(repoRoot, port, logDirectory))
              .directory(repoRoot.toFile())
              .redirectErrorStream(true)
              .redirectOutput(logFile.toFile())
              .start();
      return new HostEmulatorProcess(emulator, process, port, logFile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + repoRoot.resolve(emulator.script()), e);
    }
  }

  private void awaitHealthy(Duration timeout) {
    String name = emulator.emulator().id();
    long deadline = System.nanoTime() + timeout.toNanos();
    try (HttpClient client =
        HttpClient.newBuilder().connectTimeout(EmulatorDetector.TIMEOUT).build()) {
      while (!healthy(client)) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              name + " exited with " + process.exitValue() + ": " + logTail());
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              name
                  + " did not answer on "
                  + endpoint().resolve(emulator.healthPath())
                  + " within "
                  + timeout.toSeconds()
                  + " s: "
                  + logTail());
        }
        Pause.briefly(Duration.ofMillis(200));
      }
    }
  }

  private boolean healthy(HttpClient client) {
    return EmulatorDetector.answers(client, endpoint().resolve(emulator.healthPath()));
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
      return "log "
          + logFile
          + ":\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "see " + logFile;
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }
}
