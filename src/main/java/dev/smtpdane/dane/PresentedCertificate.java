package dev.smtpdane.dane;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.RSAKey;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * What the server presented at one chain position (style.md §7: a failure carries what the
 * server presented), with the association data an operator would publish for it: the {@code 3
 * 1 1} / {@code 2 1 1} digest is {@link #spkiSha256}. Digests are upper-case hex.
 *
 * @param position 0 for the leaf, then in the order the server sent them
 * @param subject subject DN (RFC 2253)
 * @param issuer issuer DN (RFC 2253)
 * @param keyAlgorithm e.g. {@code RSA}, {@code EC}, {@code Ed25519}
 * @param keyBits key size (RSA modulus, EC order, 255 for Ed25519), 0 if unknown (as for a
 *     DSA key whose parameters are inherited from its issuer)
 * @param ca basicConstraints cA=true
 * @param dnsNames DNS-ID subjectAltNames, or the CNs if it has none
 * @param onIssuerPath true if on the path from the leaf through its issuers; others are
 *     extra certificates DANE-TA ignores
 * @param certificate the certificate itself
 */
public record PresentedCertificate(
    int position,
    String subject,
    String issuer,
    Instant notBefore,
    Instant notAfter,
    String keyAlgorithm,
    int keyBits,
    String signatureAlgorithm,
    boolean ca,
    List<String> dnsNames,
    boolean onIssuerPath,
    String spkiSha256,
    String certSha256,
    X509Certificate certificate) {

  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  public PresentedCertificate {
    dnsNames = List.copyOf(dnsNames);
  }

  static PresentedCertificate of(PresentedChain chain, int position) {
    X509Certificate c = chain.cert(position);
    SelectedContent s = chain.content(position);
    PublicKey key = c.getPublicKey();
    return new PresentedCertificate(
        position,
        c.getSubjectX500Principal().getName(),
        c.getIssuerX500Principal().getName(),
        c.getNotBefore().toInstant(),
        c.getNotAfter().toInstant(),
        keyAlgorithm(key),
        keyBits(key),
        c.getSigAlgName(),
        c.getBasicConstraints() >= 0,
        ServiceIdentity.presentedNames(c),
        chain.onIssuerPath(position),
        HEX.formatHex(s.associationData(Selector.SPKI, MatchingType.SHA2_256)),
        HEX.formatHex(s.associationData(Selector.CERT, MatchingType.SHA2_256)),
        c);
  }

  /**
   * The {@code x 1 2} digest (SHA2-512 of the SubjectPublicKeyInfo), worked out when asked for:
   * few domains publish SHA2-512, and a check of one that does not should not pay for it.
   */
  public String spkiSha512() {
    return associationDataHex(Selector.SPKI, MatchingType.SHA2_512);
  }

  /** The {@code x 0 2} digest (SHA2-512 of the whole certificate), worked out when asked for. */
  public String certSha512() {
    return associationDataHex(Selector.CERT, MatchingType.SHA2_512);
  }

  /** The association data (upper-case hex) a record of {@code (selector, type)} would carry. */
  public String associationDataHex(Selector selector, MatchingType type) {
    return HEX.formatHex(SelectedContent.of(certificate).associationData(selector, type));
  }

  /** The record of {@code usage} with {@code (selector, type)} that matches this certificate. */
  public TlsaRecord tlsaRecord(CertUsage usage, Selector selector, MatchingType type) {
    byte[] data = SelectedContent.of(certificate).associationData(selector, type);
    return new TlsaRecord(usage.value(), selector.value(), type.value(), data);
  }

  @Override
  public String toString() {
    return "PresentedCertificate[" + position + ": " + subject + ", issuer " + issuer
        + ", SPKI SHA2-256 " + spkiSha256 + "]";
  }

  private static String keyAlgorithm(PublicKey key) {
    if (key instanceof EdECKey ed) {
      return ed.getParams().getName(); // "Ed25519" rather than the JDK's generic "EdDSA"
    }
    return key.getAlgorithm();
  }

  private static int keyBits(PublicKey key) {
    return switch (key) {
      case RSAKey rsa -> rsa.getModulus().bitLength();
      case ECKey ec -> ec.getParams().getOrder().bitLength();
      case EdECKey ed -> ed.getParams().getName().equalsIgnoreCase("Ed448") ? 448 : 255;
      // RFC 3279 §2.3.2: DSA parameters may be inherited from the issuer, so absent here.
      case DSAKey dsa -> dsa.getParams() == null ? 0 : dsa.getParams().getP().bitLength();
      default -> 0;
    };
  }
}
