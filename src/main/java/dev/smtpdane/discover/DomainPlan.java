package dev.smtpdane.discover;

import dev.smtpdane.dns.Answer;
import dev.smtpdane.dns.DnssecState;
import dev.smtpdane.report.Finding;
import java.util.List;
import java.util.Optional;

/**
 * One argument's destination: in MX or SRV mode the domain and its next-hop answer, in host
 * mode the host itself.
 *
 * @param target the argument
 * @param mode how it was read
 * @param nextHops the MX or SRV answer (empty in host mode)
 * @param hosts the hosts, by MX preference (SRV priority, then weight) and then name
 * @param findings what went wrong or is worth knowing at the domain level
 */
public record DomainPlan(
    HostSpec target,
    DiscoveryRequest.Mode mode,
    Optional<Answer> nextHops,
    List<HostPlan> hosts,
    List<Finding> findings) {
  public DomainPlan {
    hosts = List.copyOf(hosts);
    findings = List.copyOf(findings);
  }

  /**
   * True when the next hops came from secure DNS (RFC 7672 §2.2.1), as a domain verdict needs;
   * true in host mode, where there is no next-hop lookup.
   */
  public boolean nextHopsSecure() {
    return nextHops.map(a -> a.state() == DnssecState.SECURE).orElse(true);
  }

  /** Every address to probe under this destination, in plan order. */
  public List<ProbeTarget> targets() {
    return hosts.stream().flatMap(h -> h.targets().stream()).toList();
  }
}
