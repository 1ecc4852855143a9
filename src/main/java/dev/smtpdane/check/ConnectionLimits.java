package dev.smtpdane.check;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Bounds the SMTP sessions open at once: overall, and per server address, so checking a
 * hosting provider's thousand domains does not open a thousand connections to its one MX.
 * Shared by every run of one {@link Checker}; each session learns how long it waited for its
 * slots, so that waiting behind another target's sessions is not charged to its own deadline.
 */
final class ConnectionLimits {
  private final Semaphore overall;
  private final int perAddress;
  private final Clock clock;
  private final ConcurrentHashMap<InetAddress, Semaphore> byAddress = new ConcurrentHashMap<>();

  ConnectionLimits(int overall, int perAddress, Clock clock) {
    this.overall = new Semaphore(overall, true);
    this.perAddress = perAddress;
    this.clock = clock;
  }

  /**
   * Runs {@code session} once a slot for {@code address} and an overall slot are free, telling
   * it how long it waited for them.
   */
  <T> T withSlot(InetAddress address, SessionCall<T> session) throws InterruptedException {
    Semaphore mine = slots(address);
    Instant queued = clock.instant();
    mine.acquire();
    try {
      overall.acquire();
      try {
        return session.call(Duration.between(queued, clock.instant()));
      } finally {
        overall.release();
      }
    } finally {
      mine.release();
    }
  }

  /** How many sessions to {@code address} wait for a slot (an estimate while they change). */
  int waiting(InetAddress address) {
    return slots(address).getQueueLength() + overall.getQueueLength();
  }

  private Semaphore slots(InetAddress address) {
    return byAddress.computeIfAbsent(address, a -> new Semaphore(perAddress, true));
  }

  /** A session that may block, told how long it waited for its slots. */
  @FunctionalInterface
  interface SessionCall<T> {
    T call(Duration waited);
  }
}
