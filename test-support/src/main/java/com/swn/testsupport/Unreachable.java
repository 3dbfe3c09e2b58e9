package com.swn.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;

/**
 * An endpoint where nothing listens, for injecting "the AWS service cannot be reached": every call
 * to it fails with a connection error, on every emulator and in AWS alike. (A resource that does
 * not exist is no such fault: LocalStack accepts a PutEvents to a missing bus and drops the event.)
 */
public final class Unreachable {

  private Unreachable() {}

  /**
   * {@code http://127.0.0.1:<port>} on a loopback port that was free a moment ago and is closed
   * now.
   */
  public static URI endpoint() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }
}
