package dev.smtpdane.check;

import dev.smtpdane.dane.CertUsage;
import dev.smtpdane.dane.MatchingType;
import dev.smtpdane.dane.PresentedCertificate;
import dev.smtpdane.dane.RecordOutcome;
import dev.smtpdane.dane.Selector;
import dev.smtpdane.dane.TlsaRecord;
import dev.smtpdane.dane.UsableRecords;
import dev.smtpdane.dane.Usability;
import dev.smtpdane.dns.AddressText;
import dev.smtpdane.dns.Answer;
import dev.smtpdane.dns.CnameLink;
import dev.smtpdane.dns.DomainName;
import dev.smtpdane.health.CertificateInfo;
import dev.smtpdane.health.Pem;
import dev.smtpdane.report.CertView;
import dev.smtpdane.report.DnsAnswerView;
import dev.smtpdane.report.RecordResultView;
import dev.smtpdane.report.TlsaView;
import dev.smtpdane.tls.TlsSession;
import dev.smtpdane.report.TlsView;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.xbill.DNS.Type;

/** Turns the internal results of dns, dane and tls into the report's stable view records. */
final class Views {
  private Views() {}

  static DnsAnswerView answer(Answer a) {
    List<String> records = a.records().stream().map(Views::rdata).toList();
    List<String> chain = a.cnameChain().stream().map(Views::link).toList();
    String resolver = a.resolver().map(Views::endpoint).orElse("");
    String claim = a.resolverClaim().map(c -> c.state().label()
        + (c.detail().isEmpty() ? "" : ": " + c.detail())).orElse("");
    return new DnsAnswerView(DomainName.text(a.qname()), Type.string(a.qtype()), a.state(),
        a.rcodeText(), records, chain, resolver, a.reason(), claim);
  }

  private static String rdata(org.xbill.DNS.Record r) {
    return r instanceof org.xbill.DNS.AAAARecord aaaa ? AddressText.of(aaaa.getAddress())
        : r.rdataToString();
  }

  private static String link(CnameLink l) {
    return DomainName.text(l.owner()) + " CNAME " + DomainName.text(l.target()) + " ("
        + l.state().label() + ")";
  }

  static String endpoint(InetSocketAddress a) {
    String host = a.getAddress() != null ? AddressText.of(a.getAddress()) : a.getHostString();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
  }

  /** Published records with usability and, where known, the CA they name. */
  static List<TlsaView> tlsa(List<TlsaRecord> records,
      Function<TlsaRecord, Optional<String>> caNames) {
    Map<TlsaRecord, Usability.Unusable> unusable = UsableRecords.of(records).unusable();
    return records.stream().map(r -> {
      Usability.Unusable u = unusable.get(r);
      return new TlsaView(r.toString(), r.mnemonic(), u == null,
          u == null ? "" : u.detail(), caNames.apply(r).orElse(""));
    }).toList();
  }

  static RecordResultView record(RecordOutcome o) {
    return new RecordResultView(o.record().toString(), o.matched(),
        o.matched() ? "matched" : o.result().code().code(), o.result().explain());
  }

  static TlsView tls(TlsSession s) {
    return new TlsView(s.protocol(), s.cipherSuite(), s.serverName().orElse(""));
  }

  /**
   * One presented certificate with the digests to publish: {@code 3 1 1} for the leaf,
   * {@code 2 1 1} above it, plus every (selector, matching type) the domain publishes.
   */
  static CertView certificate(PresentedCertificate c, List<TlsaRecord> published) {
    int usage = c.position() == 0 ? CertUsage.DANE_EE.value() : CertUsage.DANE_TA.value();
    Map<String, String> digests = new LinkedHashMap<>();
    digests.put(usage + " 1 1", c.spkiSha256());
    digests.put(usage + " 0 1", c.certSha256());
    for (TlsaRecord r : published) {
      Optional<Selector> s = Selector.of(r.selector());
      Optional<MatchingType> m = MatchingType.of(r.matchingType());
      if (s.isPresent() && m.isPresent() && m.get() != MatchingType.FULL) {
        digests.putIfAbsent(usage + " " + r.selector() + " " + r.matchingType(),
            c.associationDataHex(s.get(), m.get()));
      }
    }
    CertificateInfo info = CertificateInfo.of(c.position(), c.certificate());
    return new CertView(c.position(), c.subject(), c.issuer(), c.dnsNames(), c.notBefore(),
        c.notAfter(), info.publicKey(), info.signatureAlgorithm(), info.serialHex(), digests,
        Pem.encode(c.certificate()));
  }
}
