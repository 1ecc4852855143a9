package dev.smtpdane.dane;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The per-certificate rules of a DANE-TA path (RFC 7672 §3.1.2, RFC 5280 §4.2, §6.1). */
final class PathChecks {
  private static final String BASIC_CONSTRAINTS = "2.5.29.19";
  private static final int KEY_CERT_SIGN = 5; // keyUsage bit (RFC 5280 §4.2.1.3)

  /** keyUsage bit names, by bit number (RFC 5280 §4.2.1.3). */
  private static final List<String> KEY_USAGES = List.of("digitalSignature",
      "nonRepudiation", "keyEncipherment", "dataEncipherment", "keyAgreement", "keyCertSign",
      "cRLSign", "encipherOnly", "decipherOnly");
  private static final int DIGITAL_SIGNATURE = 0;
  private static final int KEY_ENCIPHERMENT = 2;
  private static final int KEY_AGREEMENT = 4;

  /**
   * Critical extensions a DANE-TA path may carry (RFC 5280 §4.2). Decision: those of RFC 5280
   * §6.1 that this check processes or that cannot change a TLS server verdict, as in OpenSSL's
   * X509_supported_extension (what Postfix and Exim apply): basicConstraints, keyUsage,
   * extKeyUsage, subjectAltName, nameConstraints and the Netscape cert type ({@link
   * NetscapeCertType}: the leaf's; OpenSSL reads a CA's only without basicConstraints) are
   * checked here; the four policy extensions are accepted without policy processing (DANE
   * senders ask for no policy; not done: a policyConstraints that requires an explicit policy
   * can still fail OpenSSL); OpenSSL reads cRLDistributionPoints only when checking CRLs and
   * ocsp-nocheck only for responders. Unlike OpenSSL's list, critical RFC 3779 resources or
   * proxyCertInfo fail (this check does not process them, so it must not pass them). Like
   * OpenSSL, a critical subjectKeyIdentifier or authorityKeyIdentifier fails: RFC 5280
   * §4.2.1.1 and §4.2.1.2 say they MUST NOT be critical.
   */
  private static final Set<String> PROCESSED_CRITICAL = Set.of(
      BASIC_CONSTRAINTS,
      "2.5.29.15", // keyUsage
      "2.5.29.37", // extKeyUsage
      "2.5.29.17", // subjectAltName
      DnsNameConstraints.OID, // nameConstraints
      NetscapeCertType.OID,
      "2.5.29.32", // certificatePolicies
      "2.5.29.33", // policyMappings
      "2.5.29.36", // policyConstraints
      "2.5.29.54", // inhibitAnyPolicy
      "2.5.29.31", // cRLDistributionPoints
      "1.3.6.1.5.5.7.48.1.5"); // id-pkix-ocsp-nocheck

  private PathChecks() {}

  /**
   * Why {@code cert} may not issue certificates on a path with {@code intermediatesBelow}
   * non-self-issued intermediates between it and the leaf; empty if it may. {@code anchor}: it
   * is the top of the path (the trust anchor, or the certificate a {@code 2 1 0} key signed).
   *
   * <p>Decision: OpenSSL's rule, which Postfix and Exim apply (crypto/x509/x509_vfy.c {@code
   * check_extensions}: "X509_V_FLAG_X509_STRICT is implicit for intermediate CAs"). Every CA
   * below the top needs basicConstraints cA=true ({@code X509_check_ca} returning 1). The top
   * may instead be what {@code check_ca} in crypto/x509/v3_purp.c tolerates without
   * basicConstraints: a self-issued version 1 certificate (an old root), a keyUsage with
   * keyCertSign, or, without keyUsage, a Netscape cert type with sslCA ({@code check_ssl_ca});
   * refusing those would fail domains that senders deliver to. RFC 5280 §6.1 does not process
   * the trust anchor's extensions at all.
   */
  static Optional<RecordResult.CaProblem> caProblem(X509Certificate cert, int intermediatesBelow,
      boolean anchor) {
    boolean[] keyUsage = cert.getKeyUsage();
    if (cert.getVersion() < 3) { // OpenSSL's V1_ROOT: version 1 only, no extensions at all
      return cert.getVersion() == 1 && PresentedChain.selfIssued(cert) && anchor
          ? Optional.empty()
          : Optional.of(RecordResult.CaProblem.NO_BASIC_CONSTRAINTS);
    }
    if (cert.getExtensionValue(BASIC_CONSTRAINTS) == null) {
      if (anchor && keyUsage != null) {
        return allowsCertSign(keyUsage)
            ? Optional.empty() : Optional.of(RecordResult.CaProblem.NO_KEY_CERT_SIGN);
      }
      return anchor && NetscapeCertType.allowsSslCa(cert)
          ? Optional.empty() : Optional.of(RecordResult.CaProblem.NO_BASIC_CONSTRAINTS);
    }
    int pathLength = cert.getBasicConstraints(); // -1 if cA=false, MAX_VALUE if unlimited
    if (pathLength < 0) {
      return Optional.of(RecordResult.CaProblem.NOT_A_CA);
    }
    if (keyUsage != null && !allowsCertSign(keyUsage)) {
      return Optional.of(RecordResult.CaProblem.NO_KEY_CERT_SIGN);
    }
    if (intermediatesBelow > pathLength) {
      return Optional.of(RecordResult.CaProblem.PATH_LENGTH_EXCEEDED);
    }
    return Optional.empty();
  }

  private static boolean allowsCertSign(boolean[] keyUsage) {
    return keyUsage.length > KEY_CERT_SIGN && keyUsage[KEY_CERT_SIGN];
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
    return KeyPurpose.listed(leaf).filter(p -> !p.contains(KeyPurpose.SERVER_AUTH))
        .map(RecordResult.EkuNotServerAuth::new);
  }

  /**
   * The extendedKeyUsage of a CA on a DANE-TA path ({@code position}, or {@link
   * RecordResult#RECORD_CERTIFICATE}), the trust anchor included, if present, must allow a TLS
   * server: serverAuth or one of the two obsolete Server Gated Crypto purposes. Decision:
   * OpenSSL's rule, which Postfix and Exim apply to DANE-TA chains (RFC 5280 §4.2.1.12 leaves
   * EKU in CA certificates to the application): crypto/x509/x509_vfy.c {@code
   * check_chain_extensions} calls {@code check_purpose} for every certificate of the chain, and
   * crypto/x509/v3_purp.c {@code check_purpose_ssl_server} rejects a CA whose EKU misses {@code
   * XKU_SSL_SERVER | XKU_SGC}. anyExtendedKeyUsage alone is not in that mask and fails, as for
   * the leaf. The anchor is not exempt: {@code check_purpose} skips the check only for a
   * certificate with local auxiliary trust settings ({@code X509_check_trust} with {@code
   * X509_TRUST_NO_SS_COMPAT}), which neither a certificate the server sent nor one a {@code 2 0
   * 0} record carries ({@code d2i_X509} in {@code dane_tlsa_add}) has. An unreadable extension
   * fails: OpenSSL's {@code X509_check_ca} refuses such a certificate as a CA.
   */
  static Optional<RecordResult> caExtendedKeyUsage(X509Certificate ca, int position) {
    return KeyPurpose.listed(ca)
        .filter(p -> p.stream().noneMatch(KeyPurpose.CA_TLS_SERVER::contains))
        .map(p -> new RecordResult.CaEkuNotServerAuth(position, p));
  }

  /**
   * The first critical extension of {@code cert} this check does not process, if any. RFC 5280
   * §4.2: a certificate with a critical extension the verifier does not recognise or cannot
   * process MUST be rejected ({@link #PROCESSED_CRITICAL}).
   */
  static Optional<String> unhandledCriticalExtension(X509Certificate cert) {
    Set<String> critical = cert.getCriticalExtensionOIDs(); // null without extensions
    if (critical == null) {
      return Optional.empty();
    }
    return critical.stream().filter(oid -> !PROCESSED_CRITICAL.contains(oid)).sorted()
        .findFirst();
  }

  /**
   * The leaf's keyUsage, if present, must allow a TLS server key: digitalSignature,
   * keyEncipherment or keyAgreement. Decision: OpenSSL's SSL-server purpose check (KU_TLS in
   * check_purpose_ssl_server), which Postfix and Exim apply to DANE-TA chains and not to
   * DANE-EE (RFC 7672 §3.1.1). It does not tie the bit to the key exchange: for TLS 1.3 and
   * ECDHE suites digitalSignature is the bit that matters (RFC 8446 §4.4.2.2), so a leaf with
   * keyEncipherment alone passes here as with OpenSSL, though a stricter sender may refuse it.
   */
  static Optional<RecordResult> keyUsage(X509Certificate leaf) {
    boolean[] bits = leaf.getKeyUsage(); // null without the extension
    if (bits == null || bit(bits, DIGITAL_SIGNATURE) || bit(bits, KEY_ENCIPHERMENT)
        || bit(bits, KEY_AGREEMENT)) {
      return Optional.empty();
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < bits.length; i++) {
      if (bits[i]) {
        names.add(i < KEY_USAGES.size() ? KEY_USAGES.get(i) : "bit " + i);
      }
    }
    return Optional.of(new RecordResult.KeyUsageNotTlsServer(names));
  }

  private static boolean bit(boolean[] bits, int n) {
    return bits.length > n && bits[n];
  }
}
