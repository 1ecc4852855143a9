package dev.smtpdane.dane;

import static dev.smtpdane.dane.TestPki.MX;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpdane.lab.pki.HeldCertificate;
import dev.smtpdane.lab.pki.KeyType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * MD5 and SHA-1 signatures on a DANE-TA path fail the record (decision documented in {@link
 * SignatureCheck}: RFC 8446 §4.4.2.4, OpenSSL 3 default security level); DANE-EE and a trust
 * anchor's own self-signature are not affected.
 */
class WeakSignatureTest {
  private static final HeldCertificate RSA_ROOT =
      TestPki.ca("RSA Root").keyType(KeyType.RSA_2048).build();
  private static final HeldCertificate EC_ROOT = TestPki.ca("EC Root").build();
  /** DSA-1024: the JDK refuses to sign with SHA-1 under a larger DSA key. */
  private static final KeyPair DSA_1024 = dsa1024();

  private static KeyPair dsa1024() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("DSA");
      g.initialize(1024);
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest(name = "{1}-signed leaf")
  @CsvSource({
    "RSA, MD5withRSA, true",
    "RSA, SHA1withRSA, true",
    "EC, SHA1withECDSA, true",
    "RSA, SHA256withRSA, false",
    "EC, SHA256withECDSA, false"
  })
  void daneTaRejectsMd5AndSha1SignaturesOnThePath(String issuerKey, String algorithm,
      boolean weak) {
    HeldCertificate issuer = issuerKey.equals("RSA") ? RSA_ROOT : EC_ROOT;
    HeldCertificate leaf = TestPki.leaf(MX).signedBy(issuer).signatureAlgorithm(algorithm).build();
    List<X509Certificate> chain =
        List.of(leaf.certificate(), issuer.certificate());
    RecordResult ta = DaneTaTest.result(chain, TestPki.ta211(issuer.certificate()));
    if (weak) {
      assertThat(ta).isInstanceOfSatisfying(RecordResult.WeakSignature.class, w -> {
        assertThat(w.position()).isZero();
        assertThat(ta.code().code()).isEqualTo("chain-signature-weak");
      });
    } else {
      assertThat(ta).isEqualTo(new RecordResult.Matched(List.of(0, 1), false, MX, MX));
    }
    // DANE-EE checks no signature at all (RFC 7672 §3.1.1).
    assertThat(DaneTaTest.verify(chain, TestPki.ee311(leaf.certificate())).authenticated())
        .isTrue();
  }

  /**
   * Signatures the JDK verifies under names or parameters the builder does not make: RSASSA-PSS
   * judged by its hash parameter (RFC 4055 §3.1: the encoded defaults are SHA-1), and DSA with
   * SHA-1 also under the old OIW OID, which only its name ({@code SHA1withDSA}) shows as SHA-1.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "RSASSA-PSS with SHA-256, VALID",
    "RSASSA-PSS with SHA-1, WEAK",
    "DSA with SHA-256, VALID",
    "DSA with SHA-1 (ANSI X9.57 OID), WEAK",
    "DSA with SHA-1 (OIW OID), WEAK"})
  void signaturesAreJudgedByTheirHashWhateverTheEncoding(String how, SignatureStatus expected)
      throws Exception {
    boolean pss = how.startsWith("RSASSA-PSS");
    boolean sha1 = how.contains("SHA-1");
    KeyPair signer = pss ? RSA_ROOT.keyPair() : DSA_1024;
    String oid = pss ? "1.2.840.113549.1.1.10" : !sha1 ? "2.16.840.1.101.3.4.3.2"
        : how.contains("OIW") ? "1.3.14.3.2.27" : "1.2.840.10040.4.3";
    AlgorithmIdentifier id = !pss ? new AlgorithmIdentifier(new ASN1ObjectIdentifier(oid))
        : new AlgorithmIdentifier(new ASN1ObjectIdentifier(oid), pssParameters(sha1));
    Signature signature = Signature.getInstance(
        pss ? "RSASSA-PSS" : sha1 ? "SHA1withDSA" : "SHA256withDSA");
    if (pss) {
      String hash = sha1 ? "SHA-1" : "SHA-256";
      signature.setParameter(new PSSParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash),
          sha1 ? 20 : 32, 1));
    }
    X509Certificate cert = signed(signer, id, signature);
    assertThat(SignatureCheck.check(cert, signer.getPublic())).isEqualTo(expected);
  }

  @Test
  void sha1SignedIntermediateFailsAtItsPosition() {
    HeldCertificate inter = TestPki.ca("SHA-1 Inter").keyType(KeyType.RSA_2048)
        .signedBy(RSA_ROOT).signatureAlgorithm("SHA1withRSA").build();
    HeldCertificate leaf = TestPki.leaf(MX).signedBy(inter).build();
    RecordResult r = DaneTaTest.result(
        List.of(leaf.certificate(), inter.certificate(), RSA_ROOT.certificate()),
        TestPki.ta211(RSA_ROOT.certificate()));
    assertThat(r).isEqualTo(new RecordResult.WeakSignature(1, "SHA1withRSA"));
    // Anchored on the intermediate itself, its own SHA-1 signature is never checked.
    assertThat(DaneTaTest.result(List.of(leaf.certificate(), inter.certificate()),
        TestPki.ta211(inter.certificate())))
        .isEqualTo(new RecordResult.Matched(List.of(0, 1), false, MX, MX));
  }

  @Test
  void trustAnchorsOwnSha1SelfSignatureDoesNotMatter() {
    HeldCertificate oldRoot = TestPki.ca("Old SHA-1 Root").keyType(KeyType.RSA_2048)
        .signatureAlgorithm("SHA1withRSA").build();
    HeldCertificate leaf = TestPki.leaf(MX).signedBy(oldRoot).build();
    assertThat(DaneTaTest.result(List.of(leaf.certificate(), oldRoot.certificate()),
        TestPki.ta211(oldRoot.certificate())))
        .isEqualTo(new RecordResult.Matched(List.of(0, 1), false, MX, MX));
  }

  @Test
  void fullKeyAnchorSigningWithMd5Fails() {
    HeldCertificate leaf = TestPki.leaf(MX).signedBy(RSA_ROOT).signatureAlgorithm("MD5withRSA")
        .build();
    TlsaRecord key = TestPki.tlsa(2, Selector.SPKI, MatchingType.FULL, RSA_ROOT.certificate());
    assertThat(DaneTaTest.result(List.of(leaf.certificate()), key))
        .isEqualTo(new RecordResult.WeakSignature(0, "MD5withRSA"));
  }

  /** RSASSA-PSS parameters with SHA-1 (all DEFAULT, so an empty SEQUENCE) or SHA-256. */
  private static RSASSAPSSparams pssParameters(boolean sha1) {
    if (sha1) {
      return new RSASSAPSSparams();
    }
    AlgorithmIdentifier sha256 =
        new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE);
    return new RSASSAPSSparams(sha256,
        new AlgorithmIdentifier(PKCSObjectIdentifiers.id_mgf1, sha256), new ASN1Integer(32),
        new ASN1Integer(1));
  }

  /** A certificate for a fresh key, signed by {@code signer} as {@code id} says. */
  private static X509Certificate signed(KeyPair signer, AlgorithmIdentifier id,
      Signature signature) throws Exception {
    ByteArrayOutputStream tbs = new ByteArrayOutputStream();
    ContentSigner contentSigner = new ContentSigner() {
      @Override
      public AlgorithmIdentifier getAlgorithmIdentifier() {
        return id;
      }

      @Override
      public OutputStream getOutputStream() {
        return tbs;
      }

      @Override
      public byte[] getSignature() {
        try {
          signature.initSign(signer.getPrivate());
          signature.update(tbs.toByteArray());
          return signature.sign();
        } catch (GeneralSecurityException e) {
          throw new IllegalStateException(e);
        }
      }
    };
    byte[] der = new JcaX509v3CertificateBuilder(new X500Name("CN=Signer"), BigInteger.TWO,
        Date.from(TestPki.FROM), Date.from(TestPki.UNTIL), new X500Name("CN=" + MX),
        KeyType.ECDSA_P256.generate().getPublic()).build(contentSigner).getEncoded();
    return (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(der));
  }

  @Test
  void pathPrefersStrongSignatureWhenServerSendsBothCopiesOfAnIntermediate() {
    KeyPair key = KeyType.RSA_2048.generate();
    HeldCertificate sha1 = TestPki.ca("Twice Sent").keyPair(key).signedBy(RSA_ROOT)
        .signatureAlgorithm("SHA1withRSA").build();
    HeldCertificate sha256 = TestPki.ca("Twice Sent").keyPair(key).signedBy(RSA_ROOT).build();
    HeldCertificate leaf = TestPki.leaf(MX).signedBy(sha256).build();
    RecordResult r = DaneTaTest.result(List.of(leaf.certificate(), sha1.certificate(),
        sha256.certificate(), RSA_ROOT.certificate()), TestPki.ta211(RSA_ROOT.certificate()));
    assertThat(r).isEqualTo(new RecordResult.Matched(List.of(0, 2, 3), false, MX, MX));
  }
}
