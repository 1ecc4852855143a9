package dev.smtpdane.dane;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The per-certificate rules of a DANE-TA path (RFC 7672 §3.1.2, RFC 5280 §4.2, §6.1). */
final class PathChecks {
  private static final String BASIC_CONSTRAINTS = "2.5.29.19";
  private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
  private static final int KEY_CERT_SIGN = 5; // keyUsage bit (RFC 5280 §4.2.1.3)

  private PathChecks() {}

  /**
   * Why {@code cert} may not issue certificates on a path with {@code intermediatesBelow}
   * non-self-issued intermediates between it and the leaf; empty if it may. A self-issued
   * version 1 certificate (an old root without extensions) counts as a CA, as OpenSSL's
   * X509_check_ca does, so that such a root sent as trust anchor is not a false failure.
   */
  static Optional<RecordResult.CaProblem> caProblem(X509Certificate cert, int intermediatesBelow) {
    if (cert.getVersion() < 3) {
      return PresentedChain.selfIssued(cert)
          ? Optional.empty()
          : Optional.of(RecordResult.CaProblem.NO_BASIC_CONSTRAINTS);
    }
    if (cert.getExtensionValue(BASIC_CONSTRAINTS) == null) {
      return Optional.of(RecordResult.CaProblem.NO_BASIC_CONSTRAINTS);
    }
    int pathLength = cert.getBasicConstraints(); // -1 if cA=false, MAX_VALUE if unlimited
    if (pathLength < 0) {
      return Optional.of(RecordResult.CaProblem.NOT_A_CA);
    }
    boolean[] keyUsage = cert.getKeyUsage();
    if (keyUsage != null && (keyUsage.length <= KEY_CERT_SIGN || !keyUsage[KEY_CERT_SIGN])) {
      return Optional.of(RecordResult.CaProblem.NO_KEY_CERT_SIGN);
    }
    if (intermediatesBelow > pathLength) {
      return Optional.of(RecordResult.CaProblem.PATH_LENGTH_EXCEEDED);
    }
    return Optional.empty();
  }

  /** The certificate's validity problem at {@code now} (RFC 5280 §4.1.2.5: inclusive). */
  static Optional<RecordResult> validity(X509Certificate cert, int position, Instant now) {
    Instant notBefore = cert.getNotBefore().toInstant();
    Instant notAfter = cert.getNotAfter().toInstant();
    if (now.isAfter(notAfter)) {
      return Optional.of(new RecordResult.Expired(position, notAfter));
    }
    if (now.isBefore(notBefore)) {
      return Optional.of(new RecordResult.NotYetValid(position, notBefore));
    }
    return Optional.empty();
  }

  /**
   * The leaf's extended key usage, if present, must include serverAuth (dane-rules.md §5).
   * Decision: anyExtendedKeyUsage alone is not enough, as in OpenSSL's SSL-server purpose
   * check, which DANE senders built on it apply; an unreadable extension also fails.
   */
  static Optional<RecordResult> extendedKeyUsage(X509Certificate leaf) {
    List<String> purposes;
    try {
      purposes = leaf.getExtendedKeyUsage();
    } catch (Exception e) { // a malformed extension is an outcome (style.md §10)
      return Optional.of(new RecordResult.EkuNotServerAuth(List.of()));
    }
    if (purposes == null || purposes.contains(SERVER_AUTH)) {
      return Optional.empty();
    }
    return Optional.of(new RecordResult.EkuNotServerAuth(purposes));
  }
}
