package dev.smtpdane.dane;

import java.io.ByteArrayInputStream;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * Reads the certificate or public key carried whole in a Full(0) TLSA record (RFC 6698
 * §2.1.3). Such data decides usability (dane-rules.md §4) and, for {@code 2 0 0} / {@code 2 1
 * 0}, supplies a trust anchor the server need not send (RFC 7671 §5.2.2, §5.2.3).
 *
 * <p>Strict: the bytes must be exactly one DER object (no trailing data, no PEM), since a
 * sender compares them byte for byte with what the server presents. Hostile data yields empty,
 * never an exception.
 */
final class FullAssociationData {
  /** Key algorithm OIDs to JCA names, for JDKs that do not alias every OID. */
  private static final Map<String, String> KEY_ALGORITHMS =
      Map.of(
          "1.2.840.113549.1.1.1", "RSA",
          "1.2.840.113549.1.1.10", "RSASSA-PSS",
          "1.2.840.10045.2.1", "EC",
          "1.3.101.112", "Ed25519",
          "1.3.101.113", "Ed448",
          "1.2.840.10040.4.1", "DSA");

  private FullAssociationData() {}

  /** The DER certificate in {@code data}, if it is exactly one. */
  static Optional<X509Certificate> certificate(byte[] data) {
    try {
      X509Certificate cert =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(new ByteArrayInputStream(data));
      // The JDK also accepts PEM and ignores trailing bytes: insist on the exact DER.
      return Arrays.equals(cert.getEncoded(), data) ? Optional.of(cert) : Optional.empty();
    } catch (Exception e) { // hostile bytes are an outcome (style.md §10)
      return Optional.empty();
    }
  }

  /** The public key whose DER SubjectPublicKeyInfo is exactly {@code data}, if any. */
  static Optional<PublicKey> publicKey(byte[] data) {
    try {
      // fromByteArray rejects trailing data; getInstance rejects anything but an SPKI.
      SubjectPublicKeyInfo spki =
          SubjectPublicKeyInfo.getInstance(ASN1Primitive.fromByteArray(data));
      String oid = spki.getAlgorithm().getAlgorithm().getId();
      KeyFactory factory = keyFactory(oid);
      return Optional.of(factory.generatePublic(new X509EncodedKeySpec(data)));
    } catch (Exception e) { // hostile bytes are an outcome (style.md §10)
      return Optional.empty();
    }
  }

  /** The key a Full(0) record names as trust anchor: the SPKI itself or the cert's key. */
  static Optional<PublicKey> anchorKey(TlsaRecord record) {
    if (record.matchingType() != MatchingType.FULL.value()) {
      return Optional.empty();
    }
    return record.selector() == Selector.CERT.value()
        ? certificate(record.data()).map(X509Certificate::getPublicKey)
        : publicKey(record.data());
  }

  private static KeyFactory keyFactory(String oid) throws NoSuchAlgorithmException {
    String name = KEY_ALGORITHMS.get(oid);
    return KeyFactory.getInstance(name != null ? name : oid);
  }
}
