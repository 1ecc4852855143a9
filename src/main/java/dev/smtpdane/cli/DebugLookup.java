package dev.smtpdane.cli;

import dev.smtpdane.dns.Answer;
import dev.smtpdane.dns.DnsLookup;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/** {@code -debug}: one stderr line per DNS lookup with its state, result and time taken. */
final class DebugLookup implements DnsLookup {
  private final DnsLookup inner;
  private final PrintWriter err;
  private final Instant start = Instant.now();

  DebugLookup(DnsLookup inner, PrintWriter err) {
    this.inner = inner;
    this.err = err;
  }

  @Override
  public Answer lookup(Name name, int type) {
    Instant asked = Instant.now();
    Answer a = inner.lookup(name, type);
    long took = Duration.between(asked, Instant.now()).toMillis();
    long at = Duration.between(start, asked).toMillis();
    synchronized (err) {
      err.println("smtpdane: debug: +" + at + "ms dns " + name + " " + Type.string(type)
          + " -> " + a + " (" + took + " ms" + a.resolver().map(r -> ", from " + r).orElse("")
          + ")");
      err.flush();
    }
    return a;
  }
}
