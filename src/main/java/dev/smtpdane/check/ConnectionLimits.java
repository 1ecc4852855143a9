package dev.smtpdane.check;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Bounds the SMTP sessions open at once: overall, and per server address, so checking a
 * hosting provider's thousand domains does not open a thousand connections to its one MX.
 * Shared by every run of one {@link Checker}.
 */
final class ConnectionLimits {
  private final Semaphore overall;
  private final int perAddress;
  private final ConcurrentHashMap<InetAddress, Semaphore> byAddress = new ConcurrentHashMap<>();

  ConnectionLimits(int overall, int perAddress) {
    this.overall = new Semaphore(overall, true);
    this.perAddress = perAddress;
  }

  /** Runs {@code session} once a slot for {@code address} and an overall slot are free. */
  <T> T withSlot(InetAddress address, SessionCall<T> session) throws InterruptedException {
    Semaphore mine = byAddress.computeIfAbsent(address, a -> new Semaphore(perAddress, true));
    mine.acquire();
    try {
      overall.acquire();
      try {
        return session.call();
      } finally {
        overall.release();
      }
    } finally {
      mine.release();
    }
  }

  /** A session that may block. */
  @FunctionalInterface
  interface SessionCall<T> {
    T call();
  }
}
