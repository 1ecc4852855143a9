package dev.smtpdane.check;

import dev.smtpdane.dane.CertUsage;
import dev.smtpdane.dane.DaneResult;
import dev.smtpdane.dane.DaneVerdict;
import dev.smtpdane.dane.RecordOutcome;
import dev.smtpdane.dane.RecordResult;
import dev.smtpdane.health.ExpiryCheck;
import dev.smtpdane.health.OcspCheck;
import dev.smtpdane.report.Finding;
import dev.smtpdane.tls.TlsSession;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Certificate health beside the DANE verdict: expiry of the certificates on the authenticated
 * paths (issue 7, {@code -expiration-warning}) and the stapled OCSP response.
 */
final class CertificateHealth {
  private CertificateHealth() {}

  /** Expiry findings for every path a matched record authenticated, each certificate once. */
  static List<Finding> expiry(DaneResult r, Instant now, Duration window) {
    if (!(r.verdict() instanceof DaneVerdict.Authenticated a)) {
      return List.of();
    }
    List<List<ExpiryCheck.OnPath>> paths = new ArrayList<>();
    boolean eeOnly = true;
    for (RecordOutcome m : a.matches()) {
      if (m.result() instanceof RecordResult.Matched matched) {
        eeOnly &= m.record().usage() == CertUsage.DANE_EE.value();
        paths.add(path(r, matched));
      }
    }
    return ExpiryCheck.checkPositioned(paths, eeOnly, now, window);
  }

  /**
   * Exactly the certificates the record validated, leaf first: the leaf alone for DANE-EE
   * (RFC 7672 §3.1.1); for DANE-TA the leaf up to the trust anchor, or up to the certificate a
   * {@code 2 x 0} record's key signed (§3.1.2). Chain position does not say which certificates
   * those are: servers send chains out of order and with extra or cross-signed copies.
   */
  private static List<ExpiryCheck.OnPath> path(DaneResult r, RecordResult.Matched m) {
    return m.path().stream()
        .map(p -> new ExpiryCheck.OnPath(p, r.chain().get(p).certificate())).toList();
  }

  static Finding ocsp(TlsSession tls, Instant now, boolean expectOcsp) {
    return OcspCheck.finding(OcspCheck.check(tls.stapledOcsp(), tls.presentedChain(), now),
        expectOcsp);
  }
}
