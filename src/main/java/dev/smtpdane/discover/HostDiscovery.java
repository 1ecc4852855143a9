package dev.smtpdane.discover;

import dev.smtpdane.dns.AddressText;
import dev.smtpdane.dns.Answer;
import dev.smtpdane.dns.CnameLink;
import dev.smtpdane.dns.DnsLookup;
import dev.smtpdane.dns.DnssecState;
import dev.smtpdane.dns.DomainName;
import dev.smtpdane.report.Finding;
import dev.smtpdane.report.FindingCode;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * Steps 2-4 of discovery for one host: A, AAAA and the TLSA record at the original name are
 * asked at once (the TLSA answer counts only if an address RRset is secure, dane-rules.md §3),
 * then the TLSA base domain, the reference identifiers and the probe targets follow.
 */
final class HostDiscovery {
  private final DnsLookup dns;
  private final ExecutorService executor;
  private final DiscoveryRequest request;

  HostDiscovery(DnsLookup dns, ExecutorService executor, DiscoveryRequest request) {
    this.dns = dns;
    this.executor = executor;
    this.request = request;
  }

  /** Plans one host on its own virtual thread (never the common pool: lookups block). */
  CompletableFuture<HostPlan> planAsync(NextHop hop, Optional<Name> nextHopDomain) {
    return CompletableFuture.supplyAsync(() -> plan(hop, nextHopDomain), executor);
  }

  HostPlan plan(NextHop hop, Optional<Name> nextHopDomain) {
    Name host = hop.host();
    String display = DomainName.text(host);
    List<CompletableFuture<Answer>> asked = new ArrayList<>();
    if (request.ipv4()) {
      asked.add(ask(host, Type.A));
    }
    if (request.ipv6()) {
      asked.add(ask(host, Type.AAAA));
    }
    Optional<CompletableFuture<Answer>> tlsa =
        TlsaBaseDomain.owner(hop.port(), host).map(owner -> ask(owner, Type.TLSA));
    List<AddressFamily> families =
        asked.stream().map(f -> AddressFamily.judge(f.join(), display)).toList();
    List<Finding> findings = addressFindings(families, display);
    Optional<Answer> secure =
        families.stream().filter(AddressFamily::secure).map(AddressFamily::answer).findFirst();
    TlsaBaseDomain.Choice choice = TlsaBaseDomain.choose(
        dns, host, hop.port(), secure, () -> tlsa.map(CompletableFuture::join));
    findings.addAll(choice.findings());
    List<String> references = ReferenceIdentifiers.of(
        Optional.of(choice.base()), Optional.of(host), nextHopDomain, request.akaNames());
    List<ProbeTarget> targets = new ArrayList<>();
    for (AddressFamily family : families) {
      TlsaOutcome outcome = family.secure() ? choice.outcome() : notApplicable(family, display);
      for (InetAddress address : family.addresses()) {
        targets.add(new ProbeTarget(display, address, hop.port(),
            request.effectiveTlsOnConnect(), family.answer().state(), Optional.of(choice.base()),
            Optional.of(DomainName.text(choice.base())), outcome, references));
      }
    }
    // Not Comparator.comparing: its serializable lambda is not kept by the AOT cache (NextHops).
    targets.sort((x, y) -> AddressFamily.compare(x.address(), y.address()));
    return new HostPlan(Optional.of(host), display, hop.preference(), hop.port(),
        answerOf(families, Type.A), answerOf(families, Type.AAAA), choice.answer(),
        Optional.of(choice.base()), choice.outcome(), references, targets, findings);
  }

  /** An IP literal in host mode: probed for its TLS result, but DANE cannot apply. */
  HostPlan literal(HostSpec spec) {
    InetAddress address = spec.address().orElseThrow();
    int port = spec.port().orElse(request.defaultPort());
    String display = AddressText.of(address);
    String reason = display + " is an IP address: it has no TLSA base domain, so DANE cannot"
        + " apply (RFC 7672 §2.2); the TLS result is shown for information. Give the host"
        + " name instead";
    TlsaOutcome outcome = new TlsaOutcome.NotApplicable(reason);
    List<String> references = ReferenceIdentifiers.of(
        Optional.empty(), Optional.empty(), Optional.empty(), request.akaNames());
    // No DNSSEC vouches for an address typed on the command line: it counts as insecure.
    ProbeTarget target = new ProbeTarget(display, address, port, request.effectiveTlsOnConnect(),
        DnssecState.INSECURE, Optional.empty(), Optional.empty(), outcome, references);
    return new HostPlan(Optional.empty(), display, 0, port, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), outcome, references, List.of(target),
        List.of(Finding.error(FindingCode.ADDRESS_LITERAL, reason)));
  }

  private CompletableFuture<Answer> ask(Name name, int type) {
    return CompletableFuture.supplyAsync(() -> dns.lookup(name, type), executor);
  }

  private static List<Finding> addressFindings(List<AddressFamily> families, String host) {
    List<Finding> findings = new ArrayList<>();
    if (families.stream().allMatch(f -> f.answer().isNxdomain())) {
      DnssecState state = families.get(0).answer().state();
      findings.add(Finding.error(FindingCode.HOST_NXDOMAIN, host + " does not exist (NXDOMAIN, "
          + state.label() + "): mail cannot be delivered to it; fix the MX/SRV record or"
          + " create the host"));
      return findings;
    }
    families.forEach(f -> findings.addAll(f.findings()));
    families.stream().map(AddressFamily::answer)
        .filter(a -> a.state() == DnssecState.INSECURE && !a.cnameChain().isEmpty())
        .findFirst().ifPresent(a -> findings.add(chainLeavesSignedDns(a, host)));
    if (families.stream().allMatch(f -> f.answer().isJudged() && f.addresses().isEmpty())) {
      findings.add(Finding.error(FindingCode.NO_ADDRESSES, host + " has no "
          + String.join(" or ", families.stream().map(f -> Type.string(f.type())).toList())
          + " records: there is nothing to connect to"));
    }
    return findings;
  }

  /** RFC 7672 §2.2.2: once a CNAME chain leaves signed DNS only the original name may serve. */
  private static Finding chainLeavesSignedDns(Answer answer, String host) {
    Optional<CnameLink> firstInsecure = answer.cnameChain().stream()
        .filter(l -> l.state() != DnssecState.SECURE).findFirst();
    String where = firstInsecure
        .map(l -> "at the alias " + DomainName.text(l.owner()) + " -> "
            + DomainName.text(l.target()) + " (" + l.state().label() + ")")
        .orElse("at " + DomainName.text(answer.finalName()) + ", which is not signed");
    return Finding.warning(FindingCode.CNAME_CHAIN_INSECURE, "the CNAME chain of " + host
        + " leaves signed DNS " + where + "; only the original name could serve as TLSA base"
        + " domain, and its addresses are not secure");
  }

  private static TlsaOutcome notApplicable(AddressFamily family, String host) {
    String rr = Type.string(family.type());
    return new TlsaOutcome.NotApplicable("the " + rr + " records of " + host + " are "
        + family.answer().state().label() + ", so TLSA records do not apply to these addresses"
        + " (RFC 7672 §2.2.2)");
  }

  private static Optional<Answer> answerOf(List<AddressFamily> families, int type) {
    return families.stream().filter(f -> f.type() == type).map(AddressFamily::answer)
        .findFirst();
  }
}
