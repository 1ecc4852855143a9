package dev.smtpdane.lab.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The server's side of a connection across a simulated network with a round-trip time: the
 * server's first write after it took in bytes from the client waits until one round trip has
 * passed since those bytes arrived. Every turn of the dialogue (SMTP reply, TLS flight) thus
 * costs one round trip, and what the server sends without waiting for the client (the rest of a
 * TLS flight, a session ticket next to a reply) costs nothing more, as on a real network.
 *
 * <p>Arrival is when the bytes reached this host, not when the server got round to reading
 * them: a reader thread takes them off the real socket at once and stamps them.
 *
 * <p>Loopback completes the TCP handshake at once, so its round trip is added to the greeting:
 * the client sees the greeting two round trips after it connected, as it would across a network.
 * TLS is layered over this socket (JSSE reads and writes through {@link #getInputStream()} and
 * {@link #getOutputStream()}), so handshake flights are delayed too.
 */
final class LatencySocket extends Socket {
  /** Bytes as they arrived, or the end of the stream ({@code data} null, {@code error} set). */
  private record Arrival(byte[] data, long at, IOException error) {}

  private final Socket inner;
  private final long roundTripNanos;
  private final BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();
  private final InputStream in;
  private final OutputStream out;
  // Guarded by this: the bytes being read, when the client's bytes last arrived, and whether a
  // reply to them is owed its round trip.
  private Arrival current;
  private int offset;
  private long heardAt;
  private boolean owed;

  LatencySocket(Socket inner, Duration roundTrip) throws IOException {
    this.inner = inner;
    this.roundTripNanos = roundTrip.toNanos();
    // The TCP handshake's round trip, which loopback did not spend: the greeting pays it.
    this.heardAt = System.nanoTime() + roundTripNanos;
    this.owed = true;
    InputStream raw = inner.getInputStream();
    Thread.ofVirtual().name("lab-smtp-latency").start(() -> pump(raw));
    this.in = new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] buffer, int off, int length) throws IOException {
        return take(buffer, off, length);
      }

      @Override
      public int available() {
        return LatencySocket.this.available();
      }
    };
    OutputStream rawOut = inner.getOutputStream();
    this.out = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        awaitTurn();
        rawOut.write(b);
      }

      @Override
      public void write(byte[] buffer, int off, int length) throws IOException {
        awaitTurn();
        rawOut.write(buffer, off, length);
      }

      @Override
      public void flush() throws IOException {
        rawOut.flush();
      }
    };
  }

  /** Takes bytes off the real socket as soon as they arrive and stamps them. */
  private void pump(InputStream raw) {
    byte[] buffer = new byte[16384];
    try {
      int n;
      while ((n = raw.read(buffer)) >= 0) {
        arrivals.add(new Arrival(Arrays.copyOf(buffer, n), System.nanoTime(), null));
      }
      arrivals.add(new Arrival(null, 0, null));
    } catch (IOException e) {
      arrivals.add(new Arrival(null, 0, e)); // a timeout or a reset: the reader sees it
    }
  }

  private int take(byte[] buffer, int off, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    Arrival a;
    synchronized (this) {
      a = current;
    }
    if (a == null) {
      try {
        a = arrivals.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while reading");
      }
    }
    if (a.data() == null) {
      arrivals.add(a); // the end stays the end for every later read
      if (a.error() != null) {
        throw a.error();
      }
      return -1;
    }
    synchronized (this) {
      int n = Math.min(length, a.data().length - offset);
      System.arraycopy(a.data(), offset, buffer, off, n);
      offset += n;
      current = offset < a.data().length ? a : null;
      offset = current == null ? 0 : offset;
      // Never earlier than the simulated TCP handshake: a ClientHello sent at once on connect
      // (TLS on connect) still waits for it.
      if (a.at() - heardAt > 0) {
        heardAt = a.at();
      }
      owed = true;
      return n;
    }
  }

  private synchronized int available() {
    int n = current == null ? 0 : current.data().length - offset;
    for (Arrival a : arrivals) {
      n += a.data() == null ? 0 : a.data().length;
    }
    return n;
  }

  /** Before the first write after the client spoke: waits until its round trip has passed. */
  private void awaitTurn() throws IOException {
    long wait;
    synchronized (this) {
      wait = owed ? heardAt + roundTripNanos - System.nanoTime() : 0;
      owed = false;
    }
    if (wait > 0) {
      try {
        Thread.sleep(Duration.ofNanos(wait));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while simulating latency");
      }
    }
  }

  @Override
  public InputStream getInputStream() {
    return in;
  }

  @Override
  public OutputStream getOutputStream() {
    return out;
  }

  // Everything else is the real socket's: JSSE asks a layered socket for these.

  @Override
  public InetAddress getInetAddress() {
    return inner.getInetAddress();
  }

  @Override
  public InetAddress getLocalAddress() {
    return inner.getLocalAddress();
  }

  @Override
  public int getPort() {
    return inner.getPort();
  }

  @Override
  public int getLocalPort() {
    return inner.getLocalPort();
  }

  @Override
  public SocketAddress getRemoteSocketAddress() {
    return inner.getRemoteSocketAddress();
  }

  @Override
  public SocketAddress getLocalSocketAddress() {
    return inner.getLocalSocketAddress();
  }

  @Override
  public boolean isConnected() {
    return inner.isConnected();
  }

  @Override
  public boolean isBound() {
    return inner.isBound();
  }

  @Override
  public boolean isClosed() {
    return inner.isClosed();
  }

  @Override
  public boolean isInputShutdown() {
    return inner.isInputShutdown();
  }

  @Override
  public boolean isOutputShutdown() {
    return inner.isOutputShutdown();
  }

  @Override
  public void shutdownInput() throws IOException {
    inner.shutdownInput();
  }

  @Override
  public void shutdownOutput() throws IOException {
    inner.shutdownOutput();
  }

  @Override
  public int getSoTimeout() throws SocketException {
    return inner.getSoTimeout();
  }

  @Override
  public void setSoTimeout(int timeout) throws SocketException {
    inner.setSoTimeout(timeout);
  }

  @Override
  public void setSoLinger(boolean on, int linger) throws SocketException {
    inner.setSoLinger(on, linger);
  }

  @Override
  public int getSoLinger() throws SocketException {
    return inner.getSoLinger();
  }

  @Override
  public void setTcpNoDelay(boolean on) throws SocketException {
    inner.setTcpNoDelay(on);
  }

  @Override
  public boolean getTcpNoDelay() throws SocketException {
    return inner.getTcpNoDelay();
  }

  @Override
  public void close() throws IOException {
    inner.close();
  }

  @Override
  public String toString() {
    return "LatencySocket[" + inner + "]";
  }
}
