package dev.smtpdane.discover;

import dev.smtpdane.dns.Answer;
import dev.smtpdane.dns.DnssecState;
import dev.smtpdane.report.Finding;
import dev.smtpdane.report.FindingCode;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
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
      // RFC 7672 §2.2.2: TLSA records are only used with secure address records.
      findings.add(Finding.error(FindingCode.ADDRESS_INSECURE, "the " + rr + " records of "
          + host + " are not DNSSEC-signed (insecure): DANE cannot apply to them (RFC 7672"
          + " §2.2.2), so this host is not DANE-protected over " + family(answer.qtype())));
    }
    if (addresses.size() > MAX_ADDRESSES) {
      findings.add(Finding.warning(FindingCode.FAN_OUT_CAPPED, host + " has " + addresses.size()
          + " " + rr + " records; only the first " + MAX_ADDRESSES + " are probed"));
      addresses = addresses.subList(0, MAX_ADDRESSES);
    }
    return new AddressFamily(answer.qtype(), answer, addresses, findings);
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
