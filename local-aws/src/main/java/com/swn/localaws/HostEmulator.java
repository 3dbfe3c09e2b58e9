package com.swn.localaws;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An emulator that runs on this machine, without Docker, through one of the repository's scripts,
 * which create the virtualenv it needs on first use and run it in the foreground on the port given.
 *
 * @param script the script, relative to the repository root
 * @param arguments what goes before {@code --port N}
 * @param ownDirectory whether the script is given {@code --dir <log directory>/<emulator>-<port>}
 *     for the state and temporary files of the emulator (LocalStack writes some; moto keeps
 *     everything in memory)
 * @param healthPath answers 2xx once the emulator serves requests
 */
record HostEmulator(
    Emulator emulator,
    String script,
    List<String> arguments,
    boolean ownDirectory,
    String healthPath) {

  /** moto 5.2.1 through {@code scripts/moto.sh}. */
  static final HostEmulator MOTO =
      new HostEmulator(Emulator.MOTO, "scripts/moto.sh", List.of(), false, "/moto-api/config");

  /**
   * LocalStack 4.14.0 from {@code localstack-core} through {@code scripts/localstack.sh run}: its
   * own SQS and EventBridge, DynamoDB from its bundled moto ({@link
   * EmulatorGap#DYNAMODB_FROM_BUNDLED_MOTO}).
   */
  static final HostEmulator LOCALSTACK =
      new HostEmulator(
          Emulator.LOCALSTACK,
          "scripts/localstack.sh",
          List.of("run"),
          true,
          "/_localstack/health");

  HostEmulator {
    arguments = List.copyOf(arguments);
  }

  /** The command line that runs it on {@code port}, from {@code repoRoot}. */
  List<String> command(Path repoRoot, int port, Path logDirectory) {
    List<String> command = new ArrayList<>(List.of("bash", repoRoot.resolve(script).toString()));
    command.addAll(arguments);
    command.addAll(List.of("--port", Integer.toString(port)));
    if (ownDirectory) {
      command.addAll(List.of("--dir", logDirectory.resolve(emulator.id() + "-" + port).toString()));
    }
    return command;
  }
}
