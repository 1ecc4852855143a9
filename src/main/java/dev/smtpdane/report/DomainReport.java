package dev.smtpdane.report;

import java.util.List;
import java.util.Optional;

/**
 * One command-line target: in MX/SRV mode the domain with its MX/SRV answer; in host mode a
 * single host (no lookup). {@code noService} marks a null MX or SRV target ".".
 */
public record DomainReport(
    String target,
    String mode,
    Optional<DnsAnswerView> lookup,
    boolean noService,
    List<HostReport> hosts,
    List<Finding> findings) {
  public DomainReport {
    hosts = List.copyOf(hosts);
    findings = List.copyOf(findings);
  }

  /** This target's findings and those of its hosts and addresses, in tree order. */
  public List<Finding> allFindings() {
    List<Finding> all = new java.util.ArrayList<>(findings);
    for (HostReport h : hosts) {
      all.addAll(h.findings());
      h.addresses().forEach(a -> all.addAll(a.findings()));
    }
    return all;
  }

  public Verdict verdict() {
    boolean lookupSecure = lookup.map(a -> a.state() == dev.smtpdane.dns.DnssecState.SECURE)
        .orElse(true);
    return RollUp.domain(findings, hosts.stream().map(HostReport::verdict).toList(), noService,
        lookupSecure);
  }
}
