package dev.smtpdane.report;

import dev.smtpdane.dns.DnssecState;
import java.util.List;

/**
 * One DNS answer as the report shows it: what was asked, its DNSSEC state, the records in
 * presentation form, the CNAME links followed, who answered, and why it is not secure.
 * {@code resolverClaim} is, with {@code --dnssec validate}, what the resolver itself said
 * ("secure", "bogus: ..."), so a disagreement is visible; empty otherwise.
 */
public record DnsAnswerView(
    String name,
    String type,
    DnssecState state,
    String rcode,
    List<String> records,
    List<String> cnameChain,
    String resolver,
    String reason,
    String resolverClaim) {
  public DnsAnswerView {
    resolverClaim = resolverClaim == null ? "" : resolverClaim;
    records = List.copyOf(records);
    cnameChain = List.copyOf(cnameChain);
    reason = reason == null ? "" : reason;
    resolver = resolver == null ? "" : resolver;
  }
}
