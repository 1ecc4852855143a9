package dev.smtpdane.discover;

import dev.smtpdane.discover.DiscoveryRequest.Mode;
import dev.smtpdane.dns.AddressLiteral;
import dev.smtpdane.dns.Answer;
import dev.smtpdane.dns.DnsLookup;
import dev.smtpdane.dns.DnssecState;
import dev.smtpdane.dns.DomainName;
import dev.smtpdane.report.Finding;
import dev.smtpdane.report.FindingCode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.NameTooLongException;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Type;

/**
 * Step 1 of discovery: the next-hop hosts of a destination (dane-rules.md §2). MX per RFC 7672
 * §2.2.1 with implicit MX (RFC 5321 §5.1) and null MX (RFC 7505); SRV per RFC 2782 / RFC 6186.
 */
final class NextHops {
  /** Hosts beyond this many per domain are not probed (a warning says so). */
  static final int MAX_HOSTS = 32;

  /** The hops, the MX/SRV answer they came from, and what is worth saying. */
  record Result(Optional<Answer> answer, List<NextHop> hops, List<Finding> findings) {}

  private NextHops() {}

  static Result find(DnsLookup dns, DiscoveryRequest request, HostSpec target) {
    Name name = target.name().orElseThrow();
    int port = target.port().orElse(request.defaultPort());
    return switch (request.mode()) {
      case HOST -> new Result(Optional.empty(), List.of(new NextHop(name, port, 0)), List.of());
      case MX -> mx(dns.lookup(name, Type.MX), name, port);
      case SRV -> srv(dns, request.srvService(), name, target);
    };
  }

  private static Result mx(Answer answer, Name domain, int port) {
    String d = DomainName.text(domain);
    List<Finding> findings = new ArrayList<>();
    if (stopsHere(answer, Mode.MX, d, findings)) {
      return new Result(Optional.of(answer), List.of(), findings);
    }
    List<MXRecord> records = answer.records(MXRecord.class);
    if (records.isEmpty()) {
      // RFC 5321 §5.1: no MX records, so the domain itself is the mail host.
      findings.add(Finding.info(FindingCode.IMPLICIT_MX, d + " has no MX records: mail goes to"
          + " the domain itself (implicit MX, RFC 5321 §5.1)"));
      return new Result(Optional.of(answer), List.of(new NextHop(domain, port, 0)), findings);
    }
    if (records.stream().allMatch(r -> r.getTarget().equals(Name.root))) {
      // RFC 7505 §3: a single "0 ." MX says the domain accepts no mail; not a DANE failure.
      // Several "." records say the same thing, if clumsily.
      findings.add(Finding.info(FindingCode.NULL_MX, d + " publishes a null MX (RFC 7505):"
          + " it accepts no mail, so there is nothing to check"));
      return new Result(Optional.of(answer), List.of(), findings);
    }
    Map<Name, NextHop> hosts = new LinkedHashMap<>();
    for (MXRecord mx : records) {
      Name host = DomainName.canonical(mx.getTarget());
      if (host.equals(Name.root)) {
        findings.add(Finding.warning(FindingCode.NULL_MX_MIXED, d + " mixes a null MX with"
            + " other MX records (RFC 7505 §3 forbids it); the null MX is ignored"));
        continue;
      }
      if (notAHost(host, Mode.MX, d, findings)) {
        continue;
      }
      // dane-rules §2: every MX host once (names compare case-insensitively), at its best
      // preference.
      hosts.merge(host, new NextHop(host, port, mx.getPriority()),
          (x, y) -> x.preference() <= y.preference() ? x : y);
    }
    List<NextHop> sorted = hosts.values().stream()
        .sorted(NextHops::byPreferenceThenName)
        .toList();
    return new Result(Optional.of(answer), capped(sorted, d, findings), findings);
  }

  /*
   * The two orders below are plain methods, not Comparator.comparing chains: those build
   * serializable lambdas, which the JDK's AOT cache does not keep, so every run would generate
   * their classes anew (a few ms of a one-shot check; issue 9).
   */

  /** MX order: best (lowest) preference first, then by name so that output is stable. */
  private static int byPreferenceThenName(NextHop a, NextHop b) {
    int byPreference = Integer.compare(a.preference(), b.preference());
    return byPreference != 0 ? byPreference : a.host().compareTo(b.host());
  }

  /** SRV order: priority, then heavier weight first, then target name and port (stable). */
  private static int bySrvOrder(SRVRecord a, SRVRecord b) {
    int c = Integer.compare(a.getPriority(), b.getPriority());
    if (c == 0) {
      c = Integer.compare(b.getWeight(), a.getWeight());
    }
    if (c == 0) {
      c = DomainName.canonical(a.getTarget()).compareTo(DomainName.canonical(b.getTarget()));
    }
    return c != 0 ? c : Integer.compare(a.getPort(), b.getPort());
  }

  private static Result srv(DnsLookup dns, String service, Name domain, HostSpec target) {
    String d = DomainName.text(domain);
    List<Finding> findings = new ArrayList<>();
    Name owner;
    try {
      owner = Name.concatenate(Name.fromConstantString("_" + service + "._tcp"), domain);
    } catch (NameTooLongException e) {
      findings.add(Finding.error(FindingCode.SRV_LOOKUP_FAILED,
          "_" + service + "._tcp." + d + " is longer than 255 octets"));
      return new Result(Optional.empty(), List.of(), findings);
    }
    Answer answer = dns.lookup(owner, Type.SRV);
    String o = DomainName.text(owner);
    if (stopsHere(answer, Mode.SRV, o, findings)) {
      return new Result(Optional.of(answer), List.of(), findings);
    }
    List<SRVRecord> records = answer.records(SRVRecord.class);
    if (records.isEmpty()) {
      findings.add(Finding.error(FindingCode.NO_SRV, o + " has no SRV records: the "
          + service + " service is not announced for " + d + " (RFC 6186 §3)"));
      return new Result(Optional.of(answer), List.of(), findings);
    }
    if (records.stream().allMatch(r -> r.getTarget().equals(Name.root))) {
      // RFC 2782: a target of "." means the service is decidedly not available.
      findings.add(Finding.info(FindingCode.SRV_SERVICE_NOT_OFFERED, o + " has target \".\": "
          + d + " decidedly does not offer the " + service + " service (RFC 2782)"));
      return new Result(Optional.of(answer), List.of(), findings);
    }
    List<SRVRecord> ordered = records.stream()
        .filter(r -> !r.getTarget().equals(Name.root))
        .sorted(NextHops::bySrvOrder)
        .toList();
    Map<String, NextHop> hosts = new LinkedHashMap<>();
    for (SRVRecord r : ordered) {
      Name host = DomainName.canonical(r.getTarget());
      if (notAHost(host, Mode.SRV, o, findings)) {
        continue;
      }
      // dane-rules §2: a port in the argument beats the SRV port.
      int port = target.port().orElse(r.getPort());
      hosts.putIfAbsent(host + ":" + port, new NextHop(host, port, r.getPriority()));
    }
    return new Result(Optional.of(answer), capped(List.copyOf(hosts.values()), d, findings),
        findings);
  }

  /**
   * The rules shared by MX and SRV (RFC 7672 §2.2.1): a failed lookup leaves no host to trust;
   * NXDOMAIN ends discovery; an insecure RRset is an error but its hosts are still checked.
   * Returns true when discovery stops for this destination.
   */
  private static boolean stopsHere(Answer answer, Mode mode, String name, List<Finding> out) {
    boolean mx = mode == Mode.MX;
    String what = mx ? "MX" : "SRV";
    switch (answer.state()) {
      case BOGUS -> {
        out.add(Finding.error(mx ? FindingCode.MX_LOOKUP_BOGUS : FindingCode.SRV_LOOKUP_BOGUS,
            "the " + what + " lookup for " + name + " is bogus (DNSSEC validation failed): "
                + answer.reason() + ". No host can be trusted and DANE-enforcing senders defer"
                + " mail; fix the zone's signatures or DS records"));
        return true;
      }
      case INDETERMINATE -> {
        out.add(Finding.error(mx ? FindingCode.MX_LOOKUP_FAILED : FindingCode.SRV_LOOKUP_FAILED,
            "the " + what + " lookup for " + name + " failed: " + answer.reason()));
        return true;
      }
      case SECURE, INSECURE -> { }
    }
    if (answer.isNxdomain()) {
      out.add(Finding.error(mx ? FindingCode.DOMAIN_NXDOMAIN : FindingCode.NO_SRV,
          name + " does not exist (NXDOMAIN, " + answer.state().label() + ")"));
      return true;
    }
    if (answer.state() == DnssecState.INSECURE) {
      out.add(Finding.error(mx ? FindingCode.MX_INSECURE : FindingCode.SRV_INSECURE,
          "the " + what + " answer for " + name + " is not DNSSEC-signed (insecure): an"
              + " attacker could substitute the hosts, so the domain is not DANE-protected"
              + " (RFC 7672 §2.2.1). Sign the zone and publish its DS. The hosts are still"
              + " checked"));
    }
    return false;
  }

  /**
   * An MX or SRV record names a host by its domain name (RFC 1035 §3.3.9, RFC 5321 §5.1; RFC
   * 2782: the SRV target is "the domain name of the target host"). A target that reads as an IP
   * address is a misconfiguration clients reject, and {@code localhost} (RFC 6761 §6.3) makes
   * every client connect to itself. Neither is probed: it would test this machine.
   *
   * @param owner the domain (MX) or the SRV owner name, for the message
   */
  private static boolean notAHost(Name host, Mode mode, String owner, List<Finding> out) {
    boolean mx = mode == Mode.MX;
    String record = (mx ? "the MX record of " : "the SRV record ") + owner;
    String text = DomainName.text(host);
    String bare = text.startsWith("[") && text.endsWith("]")
        ? text.substring(1, text.length() - 1) : text;
    Finding finding;
    if (AddressLiteral.parse(bare).isPresent()) {
      finding = Finding.error(mx ? FindingCode.MX_TARGET_IP_LITERAL
          : FindingCode.SRV_TARGET_IP_LITERAL, record + " names " + text + ", an IP address,"
          + " where a host name must be (" + (mx ? "RFC 5321 §5.1" : "RFC 2782") + "); "
          + (mx ? "senders do not deliver" : "clients do not connect") + " there. Publish a"
          + " host name with A/AAAA records");
    } else if (text.equals("localhost") || text.endsWith(".localhost")) {
      finding = Finding.error(mx ? FindingCode.MX_TARGET_LOCALHOST
          : FindingCode.SRV_TARGET_LOCALHOST, record + " names " + text + ", which is every "
          + (mx ? "sender's" : "client's") + " own machine (RFC 6761 §6.3): "
          + (mx ? "mail cannot reach " + owner : "the service cannot be reached")
          + " through it; it is not probed");
    } else {
      return false;
    }
    if (!out.contains(finding)) { // several records may name the same target
      out.add(finding);
    }
    return true;
  }

  private static List<NextHop> capped(List<NextHop> hops, String domain, List<Finding> out) {
    if (hops.size() <= MAX_HOSTS) {
      return hops;
    }
    out.add(Finding.warning(FindingCode.FAN_OUT_CAPPED, domain + " names " + hops.size()
        + " hosts; only the first " + MAX_HOSTS + " are checked"));
    return hops.subList(0, MAX_HOSTS);
  }
}
