package dev.smtpdane.lab.smtp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-process SMTP server on a loopback address, for tests and the demo. One virtual thread
 * waits in {@code accept}; each connection gets its own virtual thread and its own TLS context
 * (so no session is ever resumed). {@link #close()} stops everything promptly.
 *
 * <pre>{@code
 * try (LabSmtpServer server = LabSmtpServer.builder().chain(leaf, intermediate).start()) {
 *   InetSocketAddress where = server.address();
 * }
 * }</pre>
 */
public final class LabSmtpServer implements AutoCloseable {
  /** How TLS starts. */
  public enum Mode {
    /** Plaintext greeting, TLS after STARTTLS (RFC 3207), like port 25 and 587. */
    STARTTLS,
    /** TLS from the first byte (RFC 8314), like port 465. */
    TLS_ON_CONNECT
  }

  private static final Duration ACCEPTOR_EXIT = Duration.ofSeconds(2);

  private final LabConfig config;
  private final ServerSocket listener;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final List<LabTranscript> transcripts = new CopyOnWriteArrayList<>();
  private final int keepTranscripts;
  private final Thread acceptor;
  private volatile boolean closed;

  private LabSmtpServer(LabConfig config, int keepTranscripts) throws IOException {
    this.config = config;
    this.keepTranscripts = keepTranscripts;
    this.listener = new ServerSocket(config.port(), 50, config.bindAddress());
    this.acceptor = Thread.ofVirtual().name("lab-smtp-accept-" + listener.getLocalPort())
        .start(this::accept);
  }

  public static LabSmtpServerBuilder builder() {
    return new LabSmtpServerBuilder();
  }

  /** Binds and starts accepting ({@link LabSmtpServerBuilder#start()}). */
  static LabSmtpServer start(LabConfig config, int keepTranscripts) throws IOException {
    return new LabSmtpServer(config, keepTranscripts);
  }

  /** The address and port the server listens on. */
  public InetSocketAddress address() {
    return new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort());
  }

  /** One transcript per accepted connection, in the order they were accepted. */
  public List<LabTranscript> transcripts() {
    return List.copyOf(transcripts);
  }

  /** The transcript of the most recent connection; fails if there was none. */
  public LabTranscript lastTranscript() {
    if (transcripts.isEmpty()) {
      throw new IllegalStateException("no client has connected to " + address());
    }
    return transcripts.get(transcripts.size() - 1);
  }

  private void accept() {
    while (!closed) {
      Socket s;
      try {
        s = listener.accept();
      } catch (IOException e) {
        return; // closed
      }
      open.add(s);
      if (closed) {
        closeQuietly(s);
        return;
      }
      LabTranscript t = new LabTranscript();
      transcripts.add(t);
      while (transcripts.size() > keepTranscripts) {
        transcripts.remove(0); // a long-running lab (demo --serve) keeps its memory bounded
      }
      Thread.ofVirtual().name("lab-smtp-conn").start(new LabConnection(s, config, t, () -> {
        open.remove(s);
        closeQuietly(s);
      }));
    }
  }

  /** Stops listening and closes every connection. */
  @Override
  public void close() {
    closed = true;
    closeQuietly(listener);
    for (Socket s : open) {
      closeQuietly(s);
    }
    // The JDK finishes closing a listening socket only when the thread blocked in accept()
    // wakes up; until then new connections are still completed. Wait, so that after close()
    // the port really refuses.
    try {
      acceptor.join(ACCEPTOR_EXIT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(java.io.Closeable c) {
    try {
      c.close();
    } catch (IOException ignored) {
      // shutting down
    }
  }
}
