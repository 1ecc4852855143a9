package dev.smtpdane.discover;

import dev.smtpdane.dns.Answer;
import dev.smtpdane.dns.CnameLink;
import dev.smtpdane.dns.DnssecState;
import dev.smtpdane.dns.DomainName;
import dev.smtpdane.report.Finding;
import dev.smtpdane.report.FindingCode;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.Type;

/**
 * Step 2 of discovery, for one address family: what the A or AAAA answer allows. Each family
 * is judged on its own (dane-rules.md §3): a broken AAAA RRset must not stop IPv4 probing.
 *
 * @param type {@code Type.A} or {@code Type.AAAA}
 * @param answer the answer
 * @param addresses the addresses to probe (insecure ones included: the TLS result is shown)
 * @param findings what is wrong with this family
 */
record AddressFamily(int type, Answer answer, List<InetAddress> addresses,
    List<Finding> findings) {
  /** Addresses beyond this many per family are not probed (a warning says so). */
  static final int MAX_ADDRESSES = 16;

  /** True when TLSA counts for these addresses (RFC 7672 §2.2.2: secure address RRset). */
  boolean secure() {
    return answer.state() == DnssecState.SECURE && !addresses.isEmpty();
  }

  /**
   * RFC 7672 §2.2.2, "Insecure CNAME": "If the initial CNAME response is also 'insecure', DANE
   * TLS does not apply. Otherwise, this case is treated just like the non-CNAME case above,
   * where a search is performed for a TLSA record with the original input domain as the
   * candidate TLSA base domain." So when the addresses are insecure but the host name's first
   * CNAME is secure, secure TLSA records at the original name (only there) apply to them, as
   * in Postfix (tls_dane_resolve() asks qname_secure() about the first CNAME). dane-rules.md §3
   * says both "TLSA applies to a family only if its address RRset is secure" and "after a
   * secure first CNAME, only the original name": the RFC and Postfix side with the second.
   * The link states come from asking each alias's CNAME on its own (RFC 7672 §2.1.3).
   */
  boolean viaSecureFirstCname() {
    return answer.state() == DnssecState.INSECURE && !addresses.isEmpty()
        && firstCname(answer).filter(l -> l.state() == DnssecState.SECURE).isPresent();
  }

  /** The first alias followed from the host name, if it is one. */
  static Optional<CnameLink> firstCname(Answer answer) {
    return answer.cnameChain().stream().findFirst();
  }

  static AddressFamily judge(Answer answer, String host) {
    String rr = Type.string(answer.qtype());
    List<Finding> findings = new ArrayList<>();
    List<InetAddress> addresses = new ArrayList<>();
    switch (answer.state()) {
      case BOGUS -> findings.add(Finding.error(FindingCode.ADDRESS_LOOKUP_BOGUS, "the " + rr
          + " lookup for " + host + " is bogus (DNSSEC validation failed): " + answer.reason()
          + ". DANE-enforcing senders will not use these addresses"));
      case INDETERMINATE -> findings.add(answer.hasCnameLoop()
          ? Finding.error(FindingCode.CNAME_LOOP, host + ": " + answer.reason())
          : Finding.error(FindingCode.ADDRESS_LOOKUP_FAILED,
              "the " + rr + " lookup for " + host + " failed: " + answer.reason()));
      case SECURE, INSECURE -> addresses.addAll(addressesOf(answer));
    }
    if (answer.state() == DnssecState.INSECURE && !addresses.isEmpty()) {
      insecure(answer, host).ifPresent(findings::add);
    }
    if (addresses.size() > MAX_ADDRESSES) {
      findings.add(Finding.warning(FindingCode.FAN_OUT_CAPPED, host + " has " + addresses.size()
          + " " + rr + " records; only the first " + MAX_ADDRESSES + " are probed"));
      addresses = addresses.subList(0, MAX_ADDRESSES);
    }
    return new AddressFamily(answer.qtype(), answer, addresses, findings);
  }

  /**
   * RFC 7672 §2.2.2: TLSA records are only used with secure address records, or after a secure
   * first CNAME (then the TLSA lookup at the original name decides: no finding here). A first
   * CNAME whose state cannot be told is a failed lookup (RFC 7672 §2.1.2; Postfix defers).
   */
  private static Optional<Finding> insecure(Answer answer, String host) {
    String rr = Type.string(answer.qtype());
    DnssecState first = firstCname(answer).map(CnameLink::state).orElse(DnssecState.INSECURE);
    String alias = firstCname(answer).map(l -> "the CNAME " + DomainName.text(l.owner())
        + " -> " + DomainName.text(l.target())).orElse("");
    String defer = ", so DANE-enforcing senders cannot tell whether TLSA records at " + host
        + " apply and defer mail to it (RFC 7672 §2.1.2, §2.2.2)";
    return switch (first) {
      case SECURE -> Optional.empty();
      case INSECURE -> Optional.of(Finding.error(FindingCode.ADDRESS_INSECURE, "the " + rr
          + " records of " + host + " are not DNSSEC-signed (insecure): DANE cannot apply to"
          + " them (RFC 7672 §2.2.2), so this host is not DANE-protected over "
          + family(answer.qtype())));
      case BOGUS -> Optional.of(Finding.error(FindingCode.ADDRESS_LOOKUP_BOGUS, alias
          + " is bogus (DNSSEC validation failed)" + defer));
      case INDETERMINATE -> Optional.of(Finding.error(FindingCode.ADDRESS_LOOKUP_FAILED,
          "the DNSSEC state of " + alias + " could not be determined" + defer));
    };
  }

  static String family(int type) {
    return type == Type.A ? "IPv4" : "IPv6";
  }

  private static List<InetAddress> addressesOf(Answer answer) {
    List<InetAddress> out = new ArrayList<>();
    answer.records(ARecord.class).forEach(r -> out.add(r.getAddress()));
    answer.records(AAAARecord.class).forEach(r -> out.add(r.getAddress()));
    out.sort(AddressFamily::compare);
    return out;
  }

  /** IPv6 before IPv4, then numerically (the plan's deterministic order). */
  static int compare(InetAddress x, InetAddress y) {
    byte[] a = x.getAddress();
    byte[] b = y.getAddress();
    if (a.length != b.length) {
      return b.length - a.length;
    }
    return java.util.Arrays.compareUnsigned(a, b);
  }
}
