package dev.smtpdane.dane;

import static dev.smtpdane.dane.RecordResult.CaProblem.NO_BASIC_CONSTRAINTS;
import static dev.smtpdane.dane.RecordResult.CaProblem.PATH_LENGTH_EXCEEDED;
import static dev.smtpdane.dane.RecordResult.RECORD_CERTIFICATE;
import static dev.smtpdane.dane.TestPki.MX;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpdane.lab.pki.HeldCertificate;
import dev.smtpdane.lab.pki.KeyType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaX509v1CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which certificates may issue on a DANE-TA path (RFC 5280 §4.2.1.9, §6.1.4 (k) and (l)), as
 * OpenSSL's check_extensions and check_ca judge them ({@link PathChecks#caProblem}): below the
 * top every issuer needs basicConstraints cA=true; the top alone may be an old version 1 root,
 * or lack basicConstraints where keyUsage or nsCertType says CA. A certificate a {@code 2 0 0}
 * record carries sits above the path, so what the server sent is then not the top.
 */
class BasicConstraintsTest {

  static Stream<Arguments> issuers() {
    HeldCertificate v1Root = v1("V1 Root", null);
    HeldCertificate underV1 = TestPki.ca("Under V1").signedBy(v1Root).build();
    HeldCertificate v2Root = v2SelfSigned("V2 Root");
    HeldCertificate underV2 = TestPki.ca("Under V2").signedBy(v2Root).build();
    HeldCertificate root = TestPki.ca("V3 Root").build();
    HeldCertificate v1Inter = v1("V1 Inter", root);
    HeldCertificate noKeyUsage = TestPki.ca("No KeyUsage").withoutKeyUsage().signedBy(root)
        .build();
    HeldCertificate sslCa = TestPki.ca("nsCertType sslCA").withoutBasicConstraints()
        .withoutKeyUsage().signedBy(root).extension(NetscapeCertType.OID, false,
            new org.bouncycastle.asn1.misc.NetscapeCertType(
                org.bouncycastle.asn1.misc.NetscapeCertType.sslCA)).build();
    HeldCertificate keyCertSignOnly = TestPki.ca("keyCertSign Only").withoutBasicConstraints()
        .signedBy(root).build();
    HeldCertificate oldRoot = TestPki.ca("V1 Rollover Root").build();
    HeldCertificate v1NewKey = v1("V1 Rollover Root", oldRoot);
    HeldCertificate underNewKey = TestPki.ca("V1 Rollover Issuing").signedBy(v1NewKey).build();
    List<Object> v1Rollover = List.of(leaf(underNewKey), underNewKey, v1NewKey);
    return Stream.of(
        row("v1 self-issued root, sent, 2 1 1 on it", List.of(leaf(underV1), underV1, v1Root),
            TestPki.ta211(v1Root.certificate()), matched(false, 0, 1, 2)),
        row("v1 self-issued root carried by 2 0 0", List.of(leaf(underV1), underV1),
            full200(v1Root), matched(true, 0, 1)),
        // OpenSSL's V1_ROOT is version 1 only: a version 2 root without extensions is no CA.
        row("v2 self-issued root, sent, 2 1 1 on it", List.of(leaf(underV2), underV2, v2Root),
            TestPki.ta211(v2Root.certificate()), new RecordResult.NotCa(2,
                NO_BASIC_CONSTRAINTS)),
        row("v2 self-issued root carried by 2 0 0", List.of(leaf(underV2), underV2),
            full200(v2Root), new RecordResult.NotCa(RECORD_CERTIFICATE, NO_BASIC_CONSTRAINTS)),
        row("v1 intermediate below a sent root", List.of(leaf(v1Inter), v1Inter, root),
            TestPki.ta211(root.certificate()), new RecordResult.NotCa(1, NO_BASIC_CONSTRAINTS)),
        // At the top, but not self-issued: not an old root, so not tolerated.
        row("v1 intermediate at the top, 2 1 1 on it", List.of(leaf(v1Inter), v1Inter),
            TestPki.ta211(v1Inter.certificate()),
            new RecordResult.NotCa(1, NO_BASIC_CONSTRAINTS)),
        // RFC 5280 §4.2.1.3: without keyUsage the key is not restricted.
        row("CA without keyUsage below a sent root", List.of(leaf(noKeyUsage), noKeyUsage, root),
            TestPki.ta211(root.certificate()), matched(false, 0, 1, 2)),
        row("nsCertType sslCA alone below a sent root", List.of(leaf(sslCa), sslCa, root),
            TestPki.ta211(root.certificate()), new RecordResult.NotCa(1, NO_BASIC_CONSTRAINTS)),
        row("nsCertType sslCA alone at the top, 2 1 1 on it", List.of(leaf(sslCa), sslCa),
            TestPki.ta211(sslCa.certificate()), matched(false, 0, 1)),
        row("keyCertSign alone under a 2 0 0 root", List.of(leaf(keyCertSignOnly),
            keyCertSignOnly), full200(root), new RecordResult.NotCa(1, NO_BASIC_CONSTRAINTS)),
        row("keyCertSign alone under a 2 1 0 key of the root", List.of(leaf(keyCertSignOnly),
            keyCertSignOnly), TestPki.tlsa(2, Selector.SPKI, MatchingType.FULL,
                root.certificate()), matched(true, 0, 1)),
        // A v1 self-issued certificate is tolerated as the top only: under a 2 0 0 it is not.
        row("v1 self-issued new key under a 2 0 0 old root", v1Rollover, full200(oldRoot),
            new RecordResult.NotCa(2, NO_BASIC_CONSTRAINTS)),
        row("v1 self-issued new key under a 2 1 0 old key", v1Rollover,
            TestPki.tlsa(2, Selector.SPKI, MatchingType.FULL, oldRoot.certificate()),
            matched(true, 0, 1, 2)),
        rollover(1, matched(true, 0, 1, 2)),
        rollover(0, new RecordResult.NotCa(RECORD_CERTIFICATE, PATH_LENGTH_EXCEEDED)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("issuers")
  void issuersOnTheDaneTaPathMustBeCas_Rfc5280_6_1_4(String row, List<X509Certificate> sent,
      TlsaRecord record, RecordResult expected) {
    assertThat(DaneTaTest.result(sent, record)).isEqualTo(expected);
  }

  /**
   * RFC 5280 §6.1.4 (l): a self-issued certificate (here a root's new key, signed by its old
   * key, which a {@code 2 0 0} record carries) does not count against a path length limit.
   */
  private static Arguments rollover(int pathLength, RecordResult expected) {
    HeldCertificate oldKey = TestPki.ca("Rollover Root").ca(pathLength).build();
    HeldCertificate newKey = TestPki.ca("Rollover Root").signedBy(oldKey).build();
    HeldCertificate issuing = TestPki.ca("Rollover Issuing").signedBy(newKey).build();
    return row("2 0 0 root with path length " + pathLength + " above a self-issued new key",
        List.of(leaf(issuing), issuing, newKey), full200(oldKey), expected);
  }

  private static Arguments row(String name, List<Object> sent, TlsaRecord record,
      RecordResult expected) {
    List<X509Certificate> chain = sent.stream().map(o -> o instanceof HeldCertificate h
        ? h.certificate() : (X509Certificate) o).toList();
    return Arguments.of(name, chain, record, expected);
  }

  private static RecordResult matched(boolean byRecord, Integer... path) {
    return new RecordResult.Matched(List.of(path), byRecord, MX, MX);
  }

  private static X509Certificate leaf(HeldCertificate issuer) {
    return TestPki.leaf(MX).signedBy(issuer).build().certificate();
  }

  private static TlsaRecord full200(HeldCertificate anchor) {
    return TestPki.tlsa(2, Selector.CERT, MatchingType.FULL, anchor.certificate());
  }

  /** A version 1 certificate (no extensions at all), self-signed when {@code issuer} is null. */
  private static HeldCertificate v1(String cn, HeldCertificate issuer) {
    KeyPair pair = KeyType.ECDSA_P256.generate();
    X500Name subject = new X500Name("CN=" + cn);
    X500Name issuerName = issuer == null ? subject
        : X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
    KeyPair signer = issuer == null ? pair : issuer.keyPair();
    try {
      byte[] der = new JcaX509v1CertificateBuilder(issuerName, BigInteger.valueOf(1),
          Date.from(TestPki.FROM), Date.from(TestPki.UNTIL), subject, pair.getPublic())
          .build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate()))
          .getEncoded();
      X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(der));
      assertThat(cert.getVersion()).isEqualTo(1);
      return new HeldCertificate(cert, pair);
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A self-signed version 2 certificate, no extensions (a version 3 field), written by hand as
   * Bouncy Castle builds only versions 1 and 3 (RFC 5280 §4.1: version 2 adds unique IDs).
   */
  private static HeldCertificate v2SelfSigned(String cn) {
    KeyPair pair = KeyType.ECDSA_P256.generate();
    X500Name subject = new X500Name("CN=" + cn);
    AlgorithmIdentifier ecdsaSha256 =
        new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);
    try {
      DERSequence tbs = new DERSequence(new ASN1Encodable[] {
          new DERTaggedObject(true, 0, new ASN1Integer(1)), // v2
          new ASN1Integer(2), ecdsaSha256, subject,
          new DERSequence(new ASN1Encodable[] {new Time(Date.from(TestPki.FROM)),
              new Time(Date.from(TestPki.UNTIL))}),
          subject, SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded())});
      java.security.Signature signer = java.security.Signature.getInstance("SHA256withECDSA");
      signer.initSign(pair.getPrivate());
      signer.update(tbs.getEncoded(ASN1Encoding.DER));
      byte[] der = new DERSequence(new ASN1Encodable[] {tbs, ecdsaSha256,
          new DERBitString(signer.sign())}).getEncoded(ASN1Encoding.DER);
      X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(der));
      assertThat(cert.getVersion()).isEqualTo(2);
      cert.verify(pair.getPublic());
      return new HeldCertificate(cert, pair);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
