package dev.smtpdane.discover;

import dev.smtpdane.dns.Answer;
import dev.smtpdane.dns.DnsLookup;
import dev.smtpdane.dns.DnssecState;
import dev.smtpdane.dns.DomainName;
import dev.smtpdane.report.Finding;
import dev.smtpdane.report.FindingCode;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.xbill.DNS.Name;
import org.xbill.DNS.NameTooLongException;
import org.xbill.DNS.TLSARecord;
import org.xbill.DNS.Type;

/**
 * Step 3 of discovery: the TLSA base domain of a host and what its TLSA lookup means
 * (RFC 7672 §2.2.2-§2.2.3, dane-rules.md §3).
 *
 * <p>With a secure CNAME chain the expanded name comes first; only when it provably has no TLSA
 * records is the original name used. If the chain leaves signed DNS after a secure first
 * CNAME, only the original name is used, and its secure TLSA records apply to the insecure
 * addresses (RFC 7672 §2.2.2 "Insecure CNAME"); after an insecure first CNAME no name is.
 * Intermediate aliases never are. A failed lookup of the expanded name is a failure: it is not
 * papered over with the original name (Postfix does the same).
 */
final class TlsaBaseDomain {
  /** The chosen base domain, the TLSA answer that decided, its outcome and findings. */
  record Choice(Name base, Optional<Answer> answer, TlsaOutcome outcome, List<Finding> findings) {}

  private TlsaBaseDomain() {}

  /** The TLSA owner {@code _port._tcp.base} (RFC 7672 §2.2.3, RFC 6698 §3). */
  static Optional<Name> owner(int port, Name base) {
    try {
      return Optional.of(Name.concatenate(Name.fromConstantString("_" + port + "._tcp"), base));
    } catch (NameTooLongException e) {
      return Optional.empty();
    }
  }

  /** No address RRset of the host lets TLSA count: no base domain is looked at. */
  static Choice none(Name host) {
    return new Choice(host, Optional.empty(), new TlsaOutcome.NotApplicable("no address"
        + " RRset of " + DomainName.text(host) + " is secure, so TLSA records do not count"
        + " (RFC 7672 §2.2.2)"), List.of());
  }

  /**
   * RFC 7672 §2.2.2 "Secure CNAME" and "Non-CNAME": secure addresses.
   *
   * @param host the original host name
   * @param addresses the secure address answer whose CNAME chain decides
   * @param atOriginal the TLSA answer at the original name (possibly asked in parallel)
   */
  static Choice choose(DnsLookup dns, Name host, int port, Answer addresses,
      Supplier<Optional<Answer>> atOriginal) {
    Name expanded = addresses.finalName();
    if (!addresses.cnameChain().isEmpty() && addresses.chainSecure() && !expanded.equals(host)) {
      Optional<Name> owner = owner(port, expanded);
      Optional<Answer> atExpanded = owner.map(o -> dns.lookup(o, Type.TLSA));
      // RFC 7672 §2.2.2: the expanded name first; the original only after a secure denial.
      if (atExpanded.isPresent() && !atExpanded.get().isSecureDenial()) {
        return decide(expanded, atExpanded.get(), "");
      }
    }
    return atOriginal(host, port, atOriginal.get(), "");
  }

  /**
   * RFC 7672 §2.2.2 "Insecure CNAME": the addresses are insecure but the first CNAME of the
   * host name is secure, so "a search is performed for a TLSA record with the original input
   * domain as the candidate TLSA base domain", and only there (§2.2.3: intermediate names never
   * serve; the insecure expanded name cannot be trusted). Postfix does the same
   * (tls_dane_resolve after qname_secure). The TLSA RRset itself must still be secure.
   */
  static Choice afterInsecureCname(Name host, int port, Optional<Answer> atOriginal) {
    String why = "; " + DomainName.text(host) + " is an alias whose CNAME chain leaves signed"
        + " DNS after a signed first CNAME, so the original name is its only TLSA base domain"
        + " (RFC 7672 §2.2.2): publish the TLSA records at the original name, or sign the zone"
        + " the alias points into";
    return atOriginal(host, port, atOriginal, why);
  }

  private static Choice atOriginal(Name host, int port, Optional<Answer> original,
      String why) {
    if (original.isEmpty()) {
      return new Choice(host, Optional.empty(), new TlsaOutcome.Failed(host,
          DnssecState.INDETERMINATE, "_" + port + "._tcp." + host + " is too long"), List.of(
          Finding.error(FindingCode.TLSA_LOOKUP_FAILED, "the TLSA owner name for "
              + DomainName.text(host) + " is longer than 255 octets")));
    }
    return decide(host, original.get(), why);
  }

  private static Choice decide(Name base, Answer answer, String why) {
    Name owner = answer.qname();
    List<TLSARecord> records = answer.records(TLSARecord.class);
    TlsaOutcome outcome = switch (answer.state()) {
      case SECURE -> records.isEmpty()
          ? new TlsaOutcome.NoRecords(owner)
          : new TlsaOutcome.Records(owner, records);
      case INSECURE -> new TlsaOutcome.Insecure(owner, answer.reason());
      case BOGUS, INDETERMINATE -> new TlsaOutcome.Failed(owner, answer.state(), answer.reason());
    };
    return new Choice(base, Optional.of(answer), outcome, finding(outcome, why).stream()
        .toList());
  }

  /**
   * The finding an outcome deserves (dane-rules.md §3: each non-DANE outcome is an error);
   * {@code why} ends the message of a secure denial or an insecure answer.
   */
  private static Optional<Finding> finding(TlsaOutcome outcome, String why) {
    String defer = ". DANE-enforcing senders will defer mail to this host until this is fixed"
        + " (RFC 7672 §2.2)";
    return switch (outcome) {
      case TlsaOutcome.Records r -> Optional.empty();
      case TlsaOutcome.NotApplicable n -> Optional.empty();
      case TlsaOutcome.NoRecords n -> Optional.of(Finding.error(FindingCode.NO_TLSA,
          "no TLSA records at " + DomainName.text(n.owner()) + " (securely denied): this host"
              + " is not DANE-protected; publish TLSA records for it" + why));
      case TlsaOutcome.Insecure i -> Optional.of(Finding.error(FindingCode.TLSA_INSECURE,
          "the TLSA answer at " + DomainName.text(i.owner()) + " is not DNSSEC-signed"
              + " (insecure), so it cannot be used: " + i.reason() + why));
      case TlsaOutcome.Failed f -> Optional.of(f.state() == DnssecState.BOGUS
          ? Finding.error(FindingCode.TLSA_LOOKUP_BOGUS, "the TLSA lookup at "
              + DomainName.text(f.owner()) + " is bogus (DNSSEC validation failed): "
              + f.reason() + defer)
          : Finding.error(FindingCode.TLSA_LOOKUP_FAILED, "the TLSA lookup at "
              + DomainName.text(f.owner()) + " failed: " + f.reason() + defer));
    };
  }
}
