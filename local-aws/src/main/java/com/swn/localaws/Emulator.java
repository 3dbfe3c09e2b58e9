package com.swn.localaws;

import java.util.List;
import java.util.Locale;

/**
 * The AWS emulators the tests run on. {@code moto} is the default and needs no Docker; {@code
 * localstack} runs in its container with Testcontainers where there is Docker and on the host
 * without; {@code floci} needs Docker (see {@link Launch}). {@link #UNKNOWN} stands for an emulator
 * at {@code AWS_ENDPOINT_URL} that was neither named nor recognised: no {@link EmulatorGap} applies
 * to it.
 */
public enum Emulator {
  MOTO("moto"),
  LOCALSTACK("localstack"),
  FLOCI("floci"),
  UNKNOWN("unknown");

  /** The values {@code test.emulator} / {@code TEST_EMULATOR} accept. */
  public static final List<Emulator> SELECTABLE = List.of(MOTO, LOCALSTACK, FLOCI);

  private final String id;

  Emulator(String id) {
    this.id = id;
  }

  /** The name used in {@code test.emulator}, in messages and in the docs. */
  public String id() {
    return id;
  }

  /**
   * The selectable emulator called {@code value} (case and surrounding blanks ignored).
   *
   * @param origin where the value came from, for the error message
   * @throws IllegalArgumentException naming the value, where it came from and the accepted values
   */
  public static Emulator parse(String value, String origin) {
    String wanted = value.trim().toLowerCase(Locale.ROOT);
    for (Emulator emulator : SELECTABLE) {
      if (emulator.id.equals(wanted)) {
        return emulator;
      }
    }
    throw new IllegalArgumentException(
        "unknown emulator \""
            + value
            + "\" in "
            + origin
            + ": use one of "
            + String.join(", ", SELECTABLE.stream().map(Emulator::id).toList())
            + " (or set AWS_ENDPOINT_URL to use an emulator that is already running)");
  }
}
