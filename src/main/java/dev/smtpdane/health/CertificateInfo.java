package dev.smtpdane.health;

import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * One presented certificate as {@code -show-cert-info} shows it.
 *
 * @param position chain position as sent, 0 = leaf
 * @param subject subject DN (RFC 2253)
 * @param issuer issuer DN (RFC 2253)
 * @param subjectAltNames every SAN with its type, e.g. {@code DNS:mx.example.com}, {@code
 *     IP:192.0.2.1}; empty when there are none or they cannot be parsed
 * @param publicKey key type and size, e.g. {@code RSA 2048}, {@code EC P-256}, {@code Ed25519}
 * @param signatureAlgorithm e.g. {@code SHA256withRSA}
 * @param serialHex serial number in upper-case hex
 * @param spkiSha256 SHA-256 of the SubjectPublicKeyInfo, upper-case hex (the data of a {@code
 *     3 1 1} / {@code 2 1 1} record)
 * @param certificateSha256 SHA-256 of the whole certificate, upper-case hex ({@code x 0 1})
 */
public record CertificateInfo(
    int position,
    String subject,
    String issuer,
    List<String> subjectAltNames,
    Instant notBefore,
    Instant notAfter,
    String publicKey,
    String signatureAlgorithm,
    String serialHex,
    String spkiSha256,
    String certificateSha256) {

  public CertificateInfo {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(issuer, "issuer");
    subjectAltNames = List.copyOf(subjectAltNames);
    Objects.requireNonNull(notBefore, "notBefore");
    Objects.requireNonNull(notAfter, "notAfter");
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(signatureAlgorithm, "signatureAlgorithm");
    Objects.requireNonNull(serialHex, "serialHex");
    Objects.requireNonNull(spkiSha256, "spkiSha256");
    Objects.requireNonNull(certificateSha256, "certificateSha256");
  }

  /** The details of every certificate in {@code chain}, in order. */
  public static List<CertificateInfo> of(List<X509Certificate> chain) {
    return IntStream.range(0, chain.size()).mapToObj(i -> of(i, chain.get(i))).toList();
  }

  /** The details of one certificate at chain position {@code position}. */
  public static CertificateInfo of(int position, X509Certificate cert) {
    byte[] der;
    try {
      der = cert.getEncoded();
    } catch (CertificateEncodingException e) {
      der = new byte[0]; // a certificate JSSE parsed always re-encodes; never expected
    }
    return new CertificateInfo(position, cert.getSubjectX500Principal().getName(),
        cert.getIssuerX500Principal().getName(), SubjectAltNames.of(cert),
        cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant(),
        describe(cert.getPublicKey()), cert.getSigAlgName(), Hex.serial(cert.getSerialNumber()),
        Hex.of(Digest.sha256(SubjectPublicKeyInfo.of(cert))), Hex.of(Digest.sha256(der)));
  }

  /** The DNS names among the SANs, without the {@code DNS:} prefix. */
  public List<String> dnsNames() {
    return subjectAltNames.stream().filter(n -> n.startsWith("DNS:"))
        .map(n -> n.substring(4)).toList();
  }

  /** Key type and size: {@code RSA 2048}, {@code EC P-256}, {@code Ed25519}, {@code DSA 2048}. */
  static String describe(PublicKey key) {
    return switch (key) {
      case RSAPublicKey rsa -> "RSA " + rsa.getModulus().bitLength();
      case ECPublicKey ec -> "EC " + curve(ec.getParams().getCurve().getField().getFieldSize());
      case EdECPublicKey ed -> ed.getParams().getName();
      case DSAPublicKey dsa -> dsa.getParams() == null ? "DSA" // RFC 3279 §2.3.2: inherited
          : "DSA " + dsa.getParams().getP().bitLength();
      default -> key.getAlgorithm();
    };
  }

  private static String curve(int fieldBits) {
    return switch (fieldBits) {
      case 256 -> "P-256";
      case 384 -> "P-384";
      case 521 -> "P-521";
      default -> fieldBits + "-bit curve";
    };
  }
}
