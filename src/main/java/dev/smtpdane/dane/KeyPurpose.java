package dev.smtpdane.dane;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The extendedKeyUsage purposes (RFC 5280 §4.2.1.12, {@code KeyPurposeId}) a DANE-TA path is
 * judged by, and readable names for the common ones, so a finding can say what a certificate
 * allows instead of printing bare OIDs.
 */
final class KeyPurpose {
  /** id-kp-serverAuth (RFC 5280 §4.2.1.12). */
  static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
  /** anyExtendedKeyUsage (RFC 5280 §4.2.1.12). */
  static final String ANY = "2.5.29.37.0";
  /** Netscape Server Gated Crypto (obsolete "step-up"), NID_ns_sgc in OpenSSL. */
  static final String NS_SGC = "2.16.840.1.113730.4.1";
  /** Microsoft Server Gated Crypto (obsolete "step-up"), NID_ms_sgc in OpenSSL. */
  static final String MS_SGC = "1.3.6.1.4.1.311.10.3.3";

  /** What lets a CA issue for TLS servers in OpenSSL: {@code XKU_SSL_SERVER | XKU_SGC}. */
  static final Set<String> CA_TLS_SERVER = Set.of(SERVER_AUTH, NS_SGC, MS_SGC);

  private static final Map<String, String> NAMES = Map.of(
      SERVER_AUTH, "serverAuth",
      "1.3.6.1.5.5.7.3.2", "clientAuth",
      "1.3.6.1.5.5.7.3.3", "codeSigning",
      "1.3.6.1.5.5.7.3.4", "emailProtection",
      "1.3.6.1.5.5.7.3.8", "timeStamping",
      "1.3.6.1.5.5.7.3.9", "OCSPSigning",
      ANY, "anyExtendedKeyUsage",
      NS_SGC, "nsSGC",
      MS_SGC, "msSGC");

  private KeyPurpose() {}

  /**
   * The purposes {@code cert}'s extendedKeyUsage lists; empty without the extension, and an
   * empty list (which allows nothing) when the extension cannot be read.
   */
  static Optional<List<String>> listed(X509Certificate cert) {
    try {
      return Optional.ofNullable(cert.getExtendedKeyUsage());
    } catch (Exception e) { // a malformed extension is an outcome (style.md §10)
      return Optional.of(List.of());
    }
  }

  /**
   * The purposes as a readable list, e.g. {@code clientAuth, 1.2.3.4}; an empty list is an
   * extension that lists nothing or cannot be read, which allows nothing either way.
   */
  static String describe(List<String> oids) {
    if (oids.isEmpty()) {
      return "nothing (the extension is empty or cannot be read)";
    }
    return oids.stream().map(o -> NAMES.getOrDefault(o, o)).collect(Collectors.joining(", "));
  }
}
