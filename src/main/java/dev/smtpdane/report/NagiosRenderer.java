package dev.smtpdane.report;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Nagios/Icinga plugin output (cli.md): one status line
 * {@code DANE <STATE> - <summary>|<perfdata>}, then the terse lines. Never coloured.
 */
public final class NagiosRenderer {
  /** The plugin states, in Nagios exit-code order. */
  public enum State { OK, WARNING, CRITICAL, UNKNOWN }

  private final Instant now;

  public NagiosRenderer(Instant now) {
    this.now = now;
  }

  public static State state(RunReport run) {
    if (run.probeFault()) {
      return State.UNKNOWN;
    }
    if (!run.allVerified()) {
      return State.CRITICAL; // dane-rules §6: a target that did not verify is never OK
    }
    return switch (run.worst()) {
      case ERROR -> State.CRITICAL;
      case WARNING -> State.WARNING;
      case OK, INFO -> State.OK;
    };
  }

  public void render(RunReport run, PrintWriter out) {
    State state = state(run);
    out.println("DANE " + state + " - " + summary(run, state) + "|" + perfdata(run));
    new TextRenderer(Style.plain(), true, false, false).renderBody(run, out);
    out.flush();
  }

  private static String summary(RunReport run, State state) {
    List<AddressReport> addrs = run.addresses().toList();
    long ok = addrs.stream().filter(a -> a.verdict() == Verdict.VERIFIED).count();
    String targets = String.join(", ", run.domains().stream().map(DomainReport::target).toList());
    String counts = ok + "/" + addrs.size() + " addresses verified for " + targets;
    Optional<Finding> first = run.allFindings().stream()
        .filter(f -> f.severity() == (state == State.WARNING ? Severity.WARNING : Severity.ERROR))
        .findFirst();
    return state == State.OK || first.isEmpty() ? Safe.text(counts)
        : Safe.text(counts + "; " + first.get().message()).replace('|', '/');
  }

  private String perfdata(RunReport run) {
    List<AddressReport> addrs = run.addresses().toList();
    long ok = addrs.stream().filter(a -> a.verdict() == Verdict.VERIFIED).count();
    long failed = addrs.stream().filter(a -> a.verdict() == Verdict.FAILED).count();
    StringBuilder b = new StringBuilder()
        .append("verified=").append(ok).append(";;;0 ")
        .append("failed=").append(failed).append(";;;0 ")
        .append("warnings=").append(Summary.count(run, Severity.WARNING)).append(";;;0 ")
        .append("errors=").append(Summary.count(run, Severity.ERROR)).append(";;;0");
    earliestExpiry(run).ifPresent(t -> b.append(" cert_days=")
        .append(Duration.between(now, t).toDays()));
    return b.toString();
  }

  private static Optional<Instant> earliestExpiry(RunReport run) {
    return run.addresses().flatMap(a -> a.chain().stream()).map(CertView::notAfter)
        .min(Instant::compareTo);
  }
}
