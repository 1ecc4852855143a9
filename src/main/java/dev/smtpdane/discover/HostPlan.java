package dev.smtpdane.discover;

import dev.smtpdane.dns.Answer;
import dev.smtpdane.report.Finding;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.Name;

/**
 * One host of a destination: what DNS said about it and which of its addresses to probe.
 *
 * @param host the host name (empty for an IP literal argument)
 * @param display the host as people write it
 * @param preference MX preference or SRV priority (0 in host mode)
 * @param port the TCP port for this host
 * @param a the A answer, if IPv4 was looked up
 * @param aaaa the AAAA answer, if IPv6 was looked up
 * @param tlsa the TLSA answer that decided the outcome, if TLSA counted
 * @param tlsaBaseDomain the TLSA base domain chosen (RFC 7672 §2.2.2), if the host has a name
 * @param tlsaOutcome the TLSA outcome for this host's secure addresses, or else for insecure
 *     ones reached through a secure first CNAME (RFC 7672 §2.2.2)
 * @param referenceIdentifiers names a DANE-TA certificate may carry
 * @param targets the addresses to probe, IPv6 first, then numerically
 * @param findings what went wrong or is worth knowing for this host
 */
public record HostPlan(
    Optional<Name> host,
    String display,
    int preference,
    int port,
    Optional<Answer> a,
    Optional<Answer> aaaa,
    Optional<Answer> tlsa,
    Optional<Name> tlsaBaseDomain,
    TlsaOutcome tlsaOutcome,
    List<String> referenceIdentifiers,
    List<ProbeTarget> targets,
    List<Finding> findings) {
  public HostPlan {
    referenceIdentifiers = List.copyOf(referenceIdentifiers);
    targets = List.copyOf(targets);
    findings = List.copyOf(findings);
  }
}
