package dev.smtpdane.discover;

import dev.smtpdane.dns.DomainName;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.xbill.DNS.Name;

/**
 * Step 4 of discovery: the names a DANE-TA certificate may match (RFC 7672 §3.2.2,
 * dane-rules.md §5): the TLSA base domain, the original host name, the MX/SRV domain (the
 * next-hop domain), and each {@code -aka} name. Lower case, no trailing dot, no repeats.
 */
final class ReferenceIdentifiers {
  private ReferenceIdentifiers() {}

  static List<String> of(
      Optional<Name> baseDomain, Optional<Name> host, Optional<Name> nextHopDomain,
      List<String> akaNames) {
    Set<String> names = new LinkedHashSet<>();
    baseDomain.map(DomainName::text).ifPresent(names::add);
    host.map(DomainName::text).ifPresent(names::add);
    nextHopDomain.map(DomainName::text).ifPresent(names::add);
    names.addAll(akaNames);
    return List.copyOf(names);
  }
}
