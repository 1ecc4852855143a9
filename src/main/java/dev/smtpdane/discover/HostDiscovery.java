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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * Steps 2-4 of discovery for one host: A, AAAA and the TLSA record at the original name are
 * asked at once (the TLSA answer counts only if an address RRset is secure, or the host name is
 * an alias whose first CNAME is secure: RFC 7672 §2.2.2), then the TLSA base domain, the
 * reference identifiers and the probe targets follow.
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
    List<Finding> findings = addressFindings(families, display, hop.port());
    Choices choices = choices(families, host, hop.port(), () -> tlsa.map(CompletableFuture::join));
    findings.addAll(choices.findings());
    TlsaBaseDomain.Choice choice = choices.forHost(host);
    List<String> references = ReferenceIdentifiers.of(
        Optional.of(choice.base()), Optional.of(host), nextHopDomain, request.akaNames());
    List<ProbeTarget> targets = new ArrayList<>();
    for (AddressFamily family : families) {
      TlsaBaseDomain.Choice own = choices.of(family).orElse(choice);
      TlsaOutcome outcome =
          choices.of(family).map(TlsaBaseDomain.Choice::outcome).orElse(notApplicable(family));
      for (InetAddress address : family.addresses()) {
        targets.add(new ProbeTarget(display, address, hop.port(),
            request.effectiveTlsOnConnect(), family.answer().state(), Optional.of(own.base()),
            Optional.of(DomainName.text(own.base())), outcome, references,
            family.viaSecureFirstCname()));
      }
    }
    // Not Comparator.comparing: its serializable lambda is not kept by the AOT cache (NextHops).
    targets.sort((x, y) -> AddressFamily.compare(x.address(), y.address()));
    return new HostPlan(Optional.of(host), display, hop.preference(), hop.port(),
        answerOf(families, Type.A), answerOf(families, Type.AAAA), choice.answer(),
        Optional.of(choice.base()), choice.outcome(), references, targets, findings);
  }

  /**
   * The TLSA decisions of one host: one for its secure address RRsets (RFC 7672 §2.2.2 "Secure
   * CNAME" / "Non-CNAME"), one for insecure ones reached through a secure first CNAME
   * ("Insecure CNAME": the original name only). The TLSA answer at the original name was asked
   * with the addresses, so the second decision costs no round trip.
   */
  private record Choices(
      Optional<TlsaBaseDomain.Choice> secure, Optional<TlsaBaseDomain.Choice> alias) {
    Optional<TlsaBaseDomain.Choice> of(AddressFamily family) {
      return family.secure() ? secure : family.viaSecureFirstCname() ? alias : Optional.empty();
    }

    TlsaBaseDomain.Choice forHost(Name host) {
      return secure.or(() -> alias).orElseGet(() -> TlsaBaseDomain.none(host));
    }

    List<Finding> findings() {
      List<Finding> out = new ArrayList<>();
      secure.ifPresent(c -> out.addAll(c.findings()));
      alias.filter(c -> secure.isEmpty() || c != secure.get())
          .ifPresent(c -> out.addAll(c.findings()));
      return out;
    }
  }

  private Choices choices(List<AddressFamily> families, Name host, int port,
      Supplier<Optional<Answer>> atOriginal) {
    Optional<TlsaBaseDomain.Choice> secure = families.stream().filter(AddressFamily::secure)
        .findFirst().map(f -> TlsaBaseDomain.choose(dns, host, port, f.answer(), atOriginal));
    if (families.stream().noneMatch(AddressFamily::viaSecureFirstCname)) {
      return new Choices(secure, Optional.empty());
    }
    // The original name may already be the secure families' base (their TLSA at the expanded
    // name was securely denied): then it is one decision, reported once.
    Optional<TlsaBaseDomain.Choice> alias = secure.filter(c -> c.base().equals(host))
        .or(() -> Optional.of(TlsaBaseDomain.afterInsecureCname(host, port, atOriginal.get())));
    return new Choices(secure, alias);
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

  private static List<Finding> addressFindings(List<AddressFamily> families, String host,
      int port) {
    List<Finding> findings = new ArrayList<>();
    if (families.stream().allMatch(f -> f.answer().isNxdomain())) {
      DnssecState state = families.get(0).answer().state();
      findings.add(Finding.error(FindingCode.HOST_NXDOMAIN, host + " does not exist (NXDOMAIN, "
          + state.label() + "): mail cannot be delivered to it; fix the MX/SRV record or"
          + " create the host"));
      return findings;
    }
    families.forEach(f -> findings.addAll(f.findings()));
    families.stream().filter(f -> !f.addresses().isEmpty()).map(AddressFamily::answer)
        .filter(a -> a.state() == DnssecState.INSECURE && !a.cnameChain().isEmpty())
        .findFirst().flatMap(a -> chainLeavesSignedDns(a, host, port))
        .ifPresent(findings::add);
    if (families.stream().allMatch(f -> f.answer().isJudged() && f.addresses().isEmpty())) {
      findings.add(Finding.error(FindingCode.NO_ADDRESSES, host + " has no "
          + String.join(" or ", families.stream().map(f -> Type.string(f.type())).toList())
          + " records: there is nothing to connect to"));
    }
    return findings;
  }

  /**
   * RFC 7672 §2.2.2 "Insecure CNAME": which name is the TLSA base domain once the chain leaves
   * signed DNS. After a secure first CNAME it is the original name (info: RFC 7672 §2.2.3 backs
   * this set-up for hosting providers with unsigned zones); after an insecure one there is none
   * (a warning beside the address-insecure error). A first CNAME that could not be validated
   * has its own error (AddressFamily).
   */
  private static Optional<Finding> chainLeavesSignedDns(Answer answer, String host, int port) {
    CnameLink first = answer.cnameChain().get(0);
    Optional<CnameLink> firstInsecure = answer.cnameChain().stream()
        .filter(l -> l.state() != DnssecState.SECURE).findFirst();
    String where = firstInsecure
        .map(l -> "at the alias " + DomainName.text(l.owner()) + " -> "
            + DomainName.text(l.target()) + " (" + l.state().label() + ")")
        .orElse("at " + DomainName.text(answer.finalName()) + ", which is not signed");
    String chain = "the CNAME chain of " + host + " leaves signed DNS " + where;
    return switch (first.state()) {
      case SECURE -> Optional.of(Finding.info(FindingCode.CNAME_CHAIN_INSECURE, chain
          + ", after a signed first CNAME: the TLSA base domain is the original name " + host
          + ", and only TLSA records at _" + port + "._tcp." + host + " apply to its addresses"
          + " (RFC 7672 §2.2.2, insecure CNAME); records at the expanded name do not count"));
      case INSECURE -> Optional.of(Finding.warning(FindingCode.CNAME_CHAIN_INSECURE, chain
          + ": its first CNAME is not signed, so no name can serve as TLSA base domain and"
          + " DANE cannot apply to this host, not even with TLSA records at " + host
          + " (RFC 7672 §2.2.2)"));
      case BOGUS, INDETERMINATE -> Optional.empty();
    };
  }

  /** Why TLSA does not apply to a family that is neither secure nor behind a secure alias. */
  private static TlsaOutcome notApplicable(AddressFamily family) {
    String rr = Type.string(family.type());
    String host = DomainName.text(family.answer().qname());
    Optional<CnameLink> first = AddressFamily.firstCname(family.answer());
    DnssecState firstState = first.map(CnameLink::state).orElse(DnssecState.SECURE);
    if (family.answer().state() == DnssecState.INSECURE
        && (firstState == DnssecState.BOGUS || firstState == DnssecState.INDETERMINATE)) {
      // RFC 7672 §2.1.2: a failed lookup on the way to the TLSA records defers mail.
      return new TlsaOutcome.Failed(first.get().owner(), firstState, "the first CNAME of "
          + host + " is " + firstState.label() + ", so whether TLSA records at " + host
          + " apply cannot be told");
    }
    return new TlsaOutcome.NotApplicable("the " + rr + " records of " + host + " are "
        + family.answer().state().label() + ", so TLSA records do not apply to these addresses"
        + " (RFC 7672 §2.2.2)");
  }

  private static Optional<Answer> answerOf(List<AddressFamily> families, int type) {
    return families.stream().filter(f -> f.type() == type).map(AddressFamily::answer)
        .findFirst();
  }
}
