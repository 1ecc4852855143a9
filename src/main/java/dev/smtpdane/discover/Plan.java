package dev.smtpdane.discover;

import dev.smtpdane.report.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * The result of discovery: one {@link DomainPlan} per argument, in argument order, plus
 * findings about the DNS path itself (untrusted resolver, no resolver reachable).
 */
public record Plan(List<DomainPlan> domains, List<Finding> findings) {
  public Plan {
    domains = List.copyOf(domains);
    findings = List.copyOf(findings);
  }

  /** Every address to probe, in plan order. */
  public List<ProbeTarget> targets() {
    return domains.stream().flatMap(d -> d.targets().stream()).toList();
  }

  /** Every finding: the plan's, then each domain's and each of its hosts'. */
  public List<Finding> allFindings() {
    List<Finding> all = new ArrayList<>(findings);
    for (DomainPlan d : domains) {
      all.addAll(d.findings());
      d.hosts().forEach(h -> all.addAll(h.findings()));
    }
    return List.copyOf(all);
  }
}
