package com.swn.localaws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A moto server started through {@code scripts/moto.sh} on a free loopback port. */
final class MotoProcess {

  private static final Logger log = LoggerFactory.getLogger(MotoProcess.class);
  private static final int ATTEMPTS = 3;

  private final Process process;
  private final int port;
  private final Path logFile;

  private MotoProcess(Process process, int port, Path logFile) {
    this.process = process;
    this.port = port;
    this.logFile = logFile;
  }

  /** Starts moto and waits until its port accepts connections; retries if another process took the port. */
  static MotoProcess start(Path repoRoot, Path logDirectory, Duration timeout) {
    IllegalStateException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      MotoProcess moto = launch(repoRoot, logDirectory, freePort());
      try {
        moto.awaitListening(timeout);
        log.info("moto started on {} (log: {})", moto.endpoint(), moto.logFile);
        return moto;
      } catch (IllegalStateException e) {
        moto.stop();
        last = e;
      }
    }
    throw last;
  }

  /** The directory above {@code start} (inclusive) that holds {@code mvnw} and {@code scripts/moto.sh}. */
  static @Nullable Path findRepoRoot(Path start) {
    for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isRegularFile(dir.resolve("scripts/moto.sh"))) {
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

  /** TERM to moto and anything it started, then KILL whatever is left after five seconds. */
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

  private static MotoProcess launch(Path repoRoot, Path logDirectory, int port) {
    Path logFile = logDirectory.resolve("moto-" + port + ".log");
    try {
      Files.createDirectories(logDirectory);
      String script = repoRoot.resolve("scripts/moto.sh").toString();
      Process process = new ProcessBuilder("bash", script, "--port", Integer.toString(port))
          .directory(repoRoot.toFile())
          .redirectErrorStream(true)
          .redirectOutput(logFile.toFile())
          .start();
      return new MotoProcess(process, port, logFile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + repoRoot.resolve("scripts/moto.sh"), e);
    }
  }

  private void awaitListening(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!accepts()) {
      if (!process.isAlive()) {
        throw new IllegalStateException("moto exited with " + process.exitValue() + ": " + logTail());
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "moto did not listen on port " + port + " within " + timeout.toSeconds() + " s: " + logTail());
      }
      Pause.briefly(Duration.ofMillis(200));
    }
  }

  private boolean accepts() {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
      return "log " + logFile + ":\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
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
