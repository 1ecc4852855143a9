package dev.smtpdane.smtp;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The overall time budget of one session. Two mechanisms enforce it: {@link #check()} between
 * reads (stops a server that drips one byte at a time, each read succeeding), and a watchdog
 * virtual thread that closes the socket when the time is up (stops anything blocked inside the
 * JDK, e.g. a TLS handshake fed slowly). Cheap enough to run thousands at once.
 */
final class SessionDeadline implements AutoCloseable {
  private final Duration budget;
  private final long endNanos;
  private final AtomicBoolean fired = new AtomicBoolean();
  private final Thread watchdog;

  private SessionDeadline(Duration budget, Closeable onExpiry) {
    this.budget = budget;
    this.endNanos = System.nanoTime() + budget.toNanos();
    this.watchdog = Thread.ofVirtual().name("smtp-session-deadline").start(() -> {
      try {
        Thread.sleep(budget);
      } catch (InterruptedException e) {
        return; // the session ended in time
      }
      fired.set(true);
      try {
        onExpiry.close();
      } catch (IOException ignored) {
        // closing is best effort; the blocked read fails either way
      }
    });
  }

  /** Starts the clock; {@code onExpiry} (the plain socket) is closed when the budget is spent. */
  static SessionDeadline start(Duration budget, Closeable onExpiry) {
    return new SessionDeadline(budget, onExpiry);
  }

  Duration budget() {
    return budget;
  }

  /** Time left, never negative. */
  Duration remaining() {
    return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
  }

  /** Whether the budget is spent (the watchdog fired or the clock ran out). */
  boolean expired() {
    return fired.get() || System.nanoTime() - endNanos >= 0;
  }

  /** Throws if the budget is spent; called before every read. */
  void check() throws InterruptedIOException {
    if (expired()) {
      throw new InterruptedIOException("session deadline of " + budget + " reached");
    }
  }

  /** Stops the watchdog; the socket stays as it is. */
  @Override
  public void close() {
    watchdog.interrupt();
  }
}
