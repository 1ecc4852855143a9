package dev.smtpdane.report;

import java.util.List;

/**
 * One destination host: its DNS answers (addresses, TLSA), the TLSA base domain and the
 * reference identifiers used for DANE-TA name checks, the published records, its addresses.
 * {@code preference} is the MX preference or SRV priority, -1 in host mode.
 */
public record HostReport(
    String name,
    int preference,
    int port,
    List<DnsAnswerView> answers,
    String tlsaBaseDomain,
    List<String> referenceIdentifiers,
    List<TlsaView> tlsa,
    List<AddressReport> addresses,
    List<Finding> findings) {
  public HostReport {
    answers = List.copyOf(answers);
    referenceIdentifiers = List.copyOf(referenceIdentifiers);
    tlsa = List.copyOf(tlsa);
    addresses = List.copyOf(addresses);
    findings = List.copyOf(findings);
  }

  public Verdict verdict() {
    return RollUp.host(findings, addresses.stream().map(AddressReport::verdict).toList());
  }
}
