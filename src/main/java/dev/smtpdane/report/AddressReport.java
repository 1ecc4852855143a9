package dev.smtpdane.report;

import java.util.List;
import java.util.Optional;

/**
 * One probed address of a host: the session, the chain, each record's result, findings.
 * {@code daneApplicable} is false when the address or TLSA records were not DNSSEC-secure, so
 * the address can never verify, whatever the session shows.
 */
public record AddressReport(
    String address,
    boolean ipv6,
    int port,
    boolean tlsOnConnect,
    boolean authenticated,
    boolean daneApplicable,
    Optional<TlsView> tls,
    List<CertView> chain,
    List<RecordResultView> records,
    List<Finding> findings) {
  public AddressReport {
    chain = List.copyOf(chain);
    records = List.copyOf(records);
    findings = List.copyOf(findings);
  }

  public Verdict verdict() {
    return RollUp.address(authenticated, daneApplicable, findings);
  }
}
