package dev.smtpdane.check;

import dev.smtpdane.dane.CertUsage;
import dev.smtpdane.dane.DaneResult;
import dev.smtpdane.dane.DaneVerdict;
import dev.smtpdane.dane.PresentedCertificate;
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
    List<List<X509Certificate>> paths = new ArrayList<>();
    boolean eeOnly = true;
    for (RecordOutcome m : a.matches()) {
      if (m.result() instanceof RecordResult.Matched matched) {
        boolean ee = m.record().usage() == CertUsage.DANE_EE.value();
        eeOnly &= ee;
        paths.add(ee ? List.of(r.chain().get(0).certificate()) : path(r, matched));
      }
    }
    return ExpiryCheck.checkPaths(paths, eeOnly, now, window);
  }

  /**
   * The DANE-TA path: the leaf up to the matched anchor (RFC 7672 §3.1.2), or the whole issuer
   * path when the anchor came from the record itself ({@code 2 x 0}).
   */
  private static List<X509Certificate> path(DaneResult r, RecordResult.Matched m) {
    List<X509Certificate> path = new ArrayList<>();
    for (PresentedCertificate c : r.chain()) {
      boolean within = m.anchorFromRecord() || c.position() <= m.chainPosition();
      if (within && (c.position() == 0 || c.onIssuerPath())) {
        path.add(c.certificate());
      }
    }
    return path;
  }

  static Finding ocsp(TlsSession tls, Instant now, boolean expectOcsp) {
    return OcspCheck.finding(OcspCheck.check(tls.stapledOcsp(), tls.presentedChain(), now),
        expectOcsp);
  }
}
