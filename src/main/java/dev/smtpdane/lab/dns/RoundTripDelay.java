package dev.smtpdane.lab.dns;

import java.time.Duration;
import java.util.Optional;
import org.xbill.DNS.Message;

/**
 * A simulated network round trip in front of a handler: the answer leaves no sooner than the
 * round-trip time after the query arrived, however quickly the handler found it. Each query
 * runs on its own virtual thread (UDP), so queries asked at once are answered at once.
 */
final class RoundTripDelay implements LoopbackDnsServer.Handler {
  private final LoopbackDnsServer.Handler inner;
  private final long roundTripNanos;

  RoundTripDelay(LoopbackDnsServer.Handler inner, Duration roundTrip) {
    this.inner = inner;
    this.roundTripNanos = roundTrip.toNanos();
  }

  @Override
  public Optional<Message> answer(Message query, LoopbackDnsServer.Transport transport) {
    long arrived = System.nanoTime();
    Optional<Message> answer = inner.answer(query, transport);
    long wait = arrived + roundTripNanos - System.nanoTime();
    if (wait > 0) {
      try {
        Thread.sleep(Duration.ofNanos(wait));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt(); // the lab is closing: answer now
      }
    }
    return answer;
  }
}
