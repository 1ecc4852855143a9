package dev.smtpdane.dane;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;

/**
 * Checks a certificate's signature with an issuer key, and judges the signature algorithm.
 *
 * <p>Decision (issue 2): on a DANE-TA path, a signature made with MD2, MD4, MD5 or SHA-1 (RSA,
 * RSASSA-PSS, ECDSA or DSA) is treated as {@link SignatureStatus#WEAK} and fails the record.
 * RFC 7672 and RFC 7671 say nothing about digest strength in certificate signatures, but RFC
 * 8446 §4.4.2.4 says an endpoint MUST abort on a certificate it would validate with an MD5
 * signature and SHOULD on SHA-1, and OpenSSL 3 (which Postfix and Exim use for DANE) rejects
 * both at its default security level ("ca md too weak"; openssl/openssl PR #16828). Passing
 * such a chain would be a false pass for those senders. The self-signature of a trust anchor is
 * never checked (the TLSA record, not the signature, makes it trusted), and DANE-EE checks no
 * signature at all (RFC 7672 §3.1.1), so neither is affected.
 */
final class SignatureCheck {
  private static final Set<String> WEAK_ALGORITHM_OIDS =
      Set.of(
          "1.2.840.113549.1.1.2", // md2WithRSAEncryption
          "1.2.840.113549.1.1.3", // md4WithRSAEncryption
          "1.2.840.113549.1.1.4", // md5WithRSAEncryption
          "1.2.840.113549.1.1.5", // sha1WithRSAEncryption
          "1.3.14.3.2.29", // sha1WithRSASignature (OIW)
          "1.2.840.10045.4.1", // ecdsa-with-SHA1
          "1.2.840.10040.4.3"); // dsa-with-sha1
  private static final String RSASSA_PSS = "1.2.840.113549.1.1.10";
  private static final String SHA1 = "1.3.14.3.2.26";

  private SignatureCheck() {}

  /** Whether {@code key} verifies {@code cert}'s signature, and with what strength. */
  static SignatureStatus check(X509Certificate cert, PublicKey key) {
    try {
      cert.verify(key);
    } catch (Exception e) { // a hostile certificate is an outcome, not an error (style.md §10)
      return SignatureStatus.BROKEN;
    }
    return weak(cert) ? SignatureStatus.WEAK : SignatureStatus.VALID;
  }

  /** True if the certificate is signed with MD2/MD4/MD5 or SHA-1. */
  static boolean weak(X509Certificate cert) {
    String oid = cert.getSigAlgOID();
    if (WEAK_ALGORITHM_OIDS.contains(oid)) {
      return true;
    }
    String name = String.valueOf(cert.getSigAlgName()).toUpperCase(Locale.ROOT);
    if (name.startsWith("MD") || name.startsWith("SHA1")) {
      return true;
    }
    return RSASSA_PSS.equals(oid) && pssHashIsSha1(cert.getSigAlgParams());
  }

  private static boolean pssHashIsSha1(byte[] params) {
    if (params == null) {
      return true; // RFC 4055 §3.1: absent parameters mean the SHA-1 defaults
    }
    try {
      RSASSAPSSparams pss = RSASSAPSSparams.getInstance(ASN1Sequence.getInstance(params));
      return pss.getHashAlgorithm().getAlgorithm().getId().equals(SHA1);
    } catch (Exception e) { // unreadable parameters: do not rely on the signature
      return true;
    }
  }
}
