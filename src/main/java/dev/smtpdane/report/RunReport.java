package dev.smtpdane.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The whole result tree of one run (output.md): run → domain → host → address → finding.
 * Probes build it; renderers only read it.
 */
public record RunReport(
    String toolVersion,
    Instant started,
    Duration elapsed,
    Map<String, String> options,
    List<DomainReport> domains,
    List<Finding> findings) {
  public RunReport {
    options = Map.copyOf(options);
    domains = List.copyOf(domains);
    findings = List.copyOf(findings);
  }

  /** Every finding in the tree, run-level first, in tree order. */
  public List<Finding> allFindings() {
    List<Finding> all = new ArrayList<>(findings);
    domains.forEach(d -> all.addAll(d.allFindings()));
    return all;
  }

  public Severity worst() {
    return RollUp.worst(allFindings());
  }

  /** True when every target verified or says it offers no such service (null MX, SRV "."). */
  public boolean allVerified() {
    return domains.stream().allMatch(d -> d.verdict() == Verdict.VERIFIED
        || d.verdict() == Verdict.NO_SERVICE);
  }

  /** A probe-side fault (our resolver unreachable, an internal error): Nagios UNKNOWN. */
  public boolean probeFault() {
    return allFindings().stream().anyMatch(f -> f.severity() == Severity.ERROR
        && (f.code() == FindingCode.RESOLVER_UNREACHABLE
            || f.code() == FindingCode.INTERNAL_ERROR));
  }

  /** All address reports in tree order. */
  public Stream<AddressReport> addresses() {
    return domains.stream().flatMap(d -> d.hosts().stream()).flatMap(h -> h.addresses().stream());
  }
}
