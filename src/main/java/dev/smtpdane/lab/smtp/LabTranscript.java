package dev.smtpdane.lab.smtp;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** What one client connection did to a lab server, for tests to assert on. Thread-safe. */
public final class LabTranscript {
  private final List<String> commands = new CopyOnWriteArrayList<>();
  private volatile List<String> serverNames = List.of();
  private volatile String tlsProtocol;
  private final CountDownLatch ended = new CountDownLatch(1);

  LabTranscript() {}

  /** The command lines received so far, in order, e.g. {@code EHLO smtpdane.invalid}. */
  public List<String> commands() {
    return List.copyOf(commands);
  }

  /** The SNI host names in the client's TLS handshake (lower case); empty if none. */
  public List<String> requestedServerNames() {
    return serverNames;
  }

  /** The first SNI host name the client sent, if any. */
  public Optional<String> serverName() {
    return serverNames.stream().findFirst();
  }

  /** The TLS protocol the server negotiated, if a handshake completed on its side. */
  public Optional<String> tlsProtocol() {
    return Optional.ofNullable(tlsProtocol);
  }

  /**
   * Waits until the server is done with this connection (the client may return before the
   * server has read its QUIT).
   */
  public boolean awaitEnd(Duration timeout) throws InterruptedException {
    return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  void command(String line) {
    commands.add(line);
  }

  void serverNames(List<String> names) {
    serverNames = List.copyOf(names);
  }

  void tlsProtocol(String protocol) {
    tlsProtocol = protocol;
  }

  void end() {
    ended.countDown();
  }
}
