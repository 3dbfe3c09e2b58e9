package com.swn.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP endpoint in front of a real one (the emulator) that can be switched to hang: it then
 * accepts every connection and never answers, like a dependency whose process is stuck or whose
 * network path black-holes. In forwarding mode it copies bytes both ways. Switching to hang also
 * stalls the connections that are open, so a pooled connection cannot sneak past the fault.
 */
public final class FaultyEndpoint implements AutoCloseable {

  private final ServerSocket server;
  private final InetSocketAddress target;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean hanging;

  public FaultyEndpoint(URI target) {
    this.target = new InetSocketAddress(target.getHost(), target.getPort());
    try {
      server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    threads.submit(this::accept);
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  /** From now on, accept connections and never answer. */
  public void hang() {
    hanging = true;
  }

  /** Forward again; the stalled connections are closed (the client has given up on them anyway). */
  public void recover() {
    hanging = false;
    open.forEach(FaultyEndpoint::closeQuietly);
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        var client = server.accept();
        open.add(client);
        threads.submit(() -> serve(client));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    if (hanging) {
      return; // keep it open, read nothing, answer nothing
    }
    try {
      var upstream = new Socket();
      upstream.connect(target, 2_000);
      open.add(upstream);
      var fromUpstream = upstream.getInputStream();
      var toClient = client.getOutputStream();
      threads.submit(() -> pump(fromUpstream, toClient, client, upstream));
      pump(client.getInputStream(), upstream.getOutputStream(), client, upstream);
    } catch (IOException e) {
      closeQuietly(client);
    }
  }

  private void pump(InputStream in, OutputStream out, Socket client, Socket upstream) {
    var buffer = new byte[8192];
    try {
      int read;
      while ((read = in.read(buffer)) >= 0) {
        while (hanging) {
          Thread.sleep(50); // a stalled connection stays open and silent until recover() closes it
        }
        out.write(buffer, 0, read);
        out.flush();
      }
    } catch (IOException | InterruptedException e) {
      // the other side closed, or recover() did
    } finally {
      closeQuietly(client);
      closeQuietly(upstream);
      open.remove(client);
      open.remove(upstream);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
  }

  @Override
  public void close() {
    closeQuietly(server);
    open.forEach(FaultyEndpoint::closeQuietly);
    threads.shutdownNow();
  }

  private static void closeQuietly(ServerSocket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
  }
}
