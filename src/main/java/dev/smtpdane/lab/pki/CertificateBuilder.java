package dev.smtpdane.lab.pki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes certificates for tests and the lab: roots, intermediates and leaves with chosen keys,
 * names, validity windows, extensions, and deliberately broken signatures. Nothing here is
 * ever committed as a file; everything is generated at run time (style.md §17).
 */
public final class CertificateBuilder {
  private static final AtomicLong SERIALS = new AtomicLong(System.nanoTime() & 0xffffffffL);

  private String subject = "CN=lab";
  private final List<String> dnsNames = new ArrayList<>();
  private KeyType keyType = KeyType.ECDSA_P256;
  private KeyPair keyPair;
  private Instant notBefore = Instant.now().minus(Duration.ofDays(1));
  private Instant notAfter = Instant.now().plus(Duration.ofDays(90));
  private Integer caPathLength; // null: not a CA
  private boolean ca;
  private boolean basicConstraints = true;
  private List<KeyPurposeId> eku = List.of(KeyPurposeId.id_kp_serverAuth);
  private HeldCertificate issuer;
  private String signatureAlgorithm;
  private boolean brokenSignature;
  private String ocspUrl;
  private BigInteger serial;
  private Integer keyUsage; // null: the default for a CA or a server; -1: no extension
  private final List<Extension> extensions = new ArrayList<>();

  CertificateBuilder() {}

  /** The subject DN, e.g. {@code "CN=mx.example.test"}. */
  public CertificateBuilder subject(String dn) {
    this.subject = dn;
    return this;
  }

  /** Shorthand: subject CN=cn. */
  public CertificateBuilder commonName(String cn) {
    return subject("CN=" + cn);
  }

  /** Adds DNS-ID subjectAltNames. With none, the certificate has no SAN extension. */
  public CertificateBuilder dnsNames(String... names) {
    dnsNames.addAll(List.of(names));
    return this;
  }

  public CertificateBuilder keyType(KeyType type) {
    this.keyType = type;
    return this;
  }

  /** Uses this exact key pair (e.g. to keep a key across a renewal, or a huge RSA key). */
  public CertificateBuilder keyPair(KeyPair pair) {
    this.keyPair = pair;
    return this;
  }

  public CertificateBuilder validity(Instant from, Instant until) {
    this.notBefore = from;
    this.notAfter = until;
    return this;
  }

  /** Makes a CA certificate (basicConstraints cA=true) with no path length limit. */
  public CertificateBuilder ca() {
    this.ca = true;
    this.caPathLength = null;
    this.eku = List.of();
    return this;
  }

  /** Makes a CA certificate with a path length constraint. */
  public CertificateBuilder ca(int pathLength) {
    ca();
    this.caPathLength = pathLength;
    return this;
  }

  /** Omits the basicConstraints extension entirely (an "intermediate" that is not a CA). */
  public CertificateBuilder withoutBasicConstraints() {
    this.basicConstraints = false;
    return this;
  }

  /** Sets the extended key usages; none means no EKU extension. */
  public CertificateBuilder extendedKeyUsage(KeyPurposeId... purposes) {
    this.eku = List.of(purposes);
    return this;
  }

  /** Signs with the issuer's key and names it as issuer; without this the cert is self-signed. */
  public CertificateBuilder signedBy(HeldCertificate issuer) {
    this.issuer = issuer;
    return this;
  }

  /** e.g. {@code "MD5withRSA"}, {@code "SHA1withRSA"}; default follows the signer's key. */
  public CertificateBuilder signatureAlgorithm(String algorithm) {
    this.signatureAlgorithm = algorithm;
    return this;
  }

  /** Flips a bit in the signature so it no longer verifies. */
  public CertificateBuilder brokenSignature() {
    this.brokenSignature = true;
    return this;
  }

  /** Adds an authorityInfoAccess OCSP responder URL. */
  public CertificateBuilder ocspUrl(String url) {
    this.ocspUrl = url;
    return this;
  }

  /**
   * Sets the keyUsage bits, as {@link KeyUsage} flags ({@code KeyUsage.keyEncipherment |
   * ...}); 0 makes an empty keyUsage. Default: keyCertSign and cRLSign for a CA,
   * digitalSignature (plus keyEncipherment for RSA) otherwise.
   */
  public CertificateBuilder keyUsage(int bits) {
    this.keyUsage = bits;
    return this;
  }

  /** Omits the keyUsage extension. */
  public CertificateBuilder withoutKeyUsage() {
    this.keyUsage = -1;
    return this;
  }

  /**
   * Adds any other extension, e.g. nameConstraints or one no verifier knows, with the OID
   * given in dotted form; it must not be one this builder already adds.
   */
  public CertificateBuilder extension(String oid, boolean critical, ASN1Encodable value) {
    try {
      extensions.add(new Extension(new ASN1ObjectIdentifier(oid), critical,
          value.toASN1Primitive().getEncoded()));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot encode extension " + oid, e);
    }
    return this;
  }

  /**
   * Adds an extension whose value is exactly {@code value}, encoded or not: for certificates
   * with extensions that are not DER (trailing bytes, BER forms), as hostile peers send them.
   */
  public CertificateBuilder rawExtension(String oid, boolean critical, byte[] value) {
    extensions.add(new Extension(new ASN1ObjectIdentifier(oid), critical, value.clone()));
    return this;
  }

  public CertificateBuilder serial(BigInteger serial) {
    this.serial = serial;
    return this;
  }

  public HeldCertificate build() {
    KeyPair pair = keyPair != null ? keyPair : keyType.generate();
    X500Name subjectName = new X500Name(subject);
    X500Name issuerName =
        issuer == null ? subjectName : X500Name.getInstance(
            issuer.certificate().getSubjectX500Principal().getEncoded());
    PrivateKey signer = issuer == null ? pair.getPrivate() : issuer.keyPair().getPrivate();
    try {
      X509v3CertificateBuilder b =
          new JcaX509v3CertificateBuilder(
              issuerName,
              serial != null ? serial : BigInteger.valueOf(SERIALS.incrementAndGet()),
              Date.from(notBefore),
              Date.from(notAfter),
              subjectName,
              pair.getPublic());
      addExtensions(b, pair);
      String alg =
          signatureAlgorithm != null
              ? signatureAlgorithm
              : KeyType.defaultSignatureAlgorithm(signer.getAlgorithm());
      X509CertificateHolder holder = b.build(new JcaContentSignerBuilder(alg).build(signer));
      byte[] der = holder.getEncoded();
      if (brokenSignature) {
        der[der.length - 3] ^= 0x01; // the signature BIT STRING is the last field
      }
      return new HeldCertificate(parse(der), pair);
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException("cannot build certificate " + subject, e);
    }
  }

  private void addExtensions(X509v3CertificateBuilder b, KeyPair pair)
      throws GeneralSecurityException, IOException {
    JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
    if (basicConstraints) {
      BasicConstraints bc =
          !ca ? new BasicConstraints(false)
              : caPathLength == null ? new BasicConstraints(true)
              : new BasicConstraints(caPathLength);
      b.addExtension(Extension.basicConstraints, true, bc);
    }
    int usage = keyUsage != null ? keyUsage
        : ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature
        | (pair.getPublic().getAlgorithm().equals("RSA") ? KeyUsage.keyEncipherment : 0);
    if (usage >= 0) {
      b.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
    }
    b.addExtension(Extension.subjectKeyIdentifier, false,
        utils.createSubjectKeyIdentifier(pair.getPublic()));
    if (issuer != null) {
      b.addExtension(Extension.authorityKeyIdentifier, false,
          utils.createAuthorityKeyIdentifier(issuer.certificate()));
    }
    if (!dnsNames.isEmpty()) {
      GeneralName[] names =
          dnsNames.stream().map(n -> new GeneralName(GeneralName.dNSName, n))
              .toArray(GeneralName[]::new);
      b.addExtension(Extension.subjectAlternativeName, false,
          new GeneralNames(names));
    }
    if (!eku.isEmpty()) {
      b.addExtension(Extension.extendedKeyUsage, false,
          new ExtendedKeyUsage(eku.toArray(KeyPurposeId[]::new)));
    }
    if (ocspUrl != null) {
      b.addExtension(Extension.authorityInfoAccess, false,
          new DERSequence(new AccessDescription(AccessDescription.id_ad_ocsp,
              new GeneralName(GeneralName.uniformResourceIdentifier, ocspUrl))));
    }
    for (Extension e : extensions) {
      b.addExtension(e);
    }
  }

  private static X509Certificate parse(byte[] der) throws GeneralSecurityException {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
  }
}
