package dev.smtpdane.report;

import java.util.List;
import java.util.Optional;

/** One probed address of a host: the session, the chain, each record's result, findings. */
public record AddressReport(
    String address,
    boolean ipv6,
    int port,
    boolean tlsOnConnect,
    boolean authenticated,
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
    return RollUp.address(authenticated, findings);
  }
}
