package dev.smtpdane.dane;

import static dev.smtpdane.dane.TestPki.MX;
import static dev.smtpdane.dane.TestPki.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpdane.lab.pki.HeldCertificate;
import dev.smtpdane.lab.pki.KeyType;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** DANE-TA(2): anchor, path and names (RFC 7672 §3.1.2, §3.2; RFC 7671 §5.2). */
class DaneTaTest {
  private static final TestPki.Chain EC = TestPki.chain(KeyType.ECDSA_P256);

  static Stream<Arguments> keyTypesSelectorsMatchingTypes() {
    List<Arguments> rows = new ArrayList<>();
    for (KeyType k : List.of(KeyType.RSA_2048, KeyType.ECDSA_P256, KeyType.ED25519)) {
      for (Selector s : Selector.values()) {
        for (MatchingType m : MatchingType.values()) {
          rows.add(Arguments.of(k, s, m));
        }
      }
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "{0} 2 {1} {2} on intermediate")
  @MethodSource("keyTypesSelectorsMatchingTypes")
  void daneTaMatchesSentIntermediate_Rfc7672_3_1_2(KeyType key, Selector s, MatchingType m) {
    TestPki.Chain c = TestPki.chain(key);
    DaneResult result = verify(c.sent(), TestPki.tlsa(2, s, m, c.inter().certificate()));
    assertThat(result.records().get(0).result())
        .isEqualTo(new RecordResult.Matched(List.of(0, 1), false, MX, MX));
    assertThat(result.authenticated()).isTrue();
  }

  @ParameterizedTest(name = "{0} 2 {1} {2} on root")
  @MethodSource("keyTypesSelectorsMatchingTypes")
  void daneTaMatchesSentRoot_Rfc7672_3_1_2(KeyType key, Selector s, MatchingType m) {
    TestPki.Chain c = TestPki.chain(key);
    DaneResult result = verify(c.sentWithRoot(), TestPki.tlsa(2, s, m, c.root().certificate()));
    assertThat(result.records().get(0).result())
        .isEqualTo(new RecordResult.Matched(List.of(0, 1, 2), false, MX, MX));
  }

  @ParameterizedTest(name = "{0} 2 {1} {2} of a root not sent")
  @MethodSource("keyTypesSelectorsMatchingTypes")
  void daneTaOfCertificateNotSentFails_Rfc7672_3_1_2(KeyType key, Selector s, MatchingType m) {
    TestPki.Chain c = TestPki.chain(key);
    DaneResult result = verify(c.sent(), TestPki.tlsa(2, s, m, c.root().certificate()));
    if (m == MatchingType.FULL) {
      // RFC 7671 §5.2.2: the record carries the anchor itself; it signed the intermediate.
      assertThat(result.records().get(0).result())
          .isEqualTo(new RecordResult.Matched(List.of(0, 1), true, MX, MX));
    } else {
      assertThat(result.records().get(0).result()).isEqualTo(new RecordResult.TaNotInChain());
      assertThat(result.records().get(0).code().code()).isEqualTo("ta-not-in-chain");
    }
  }

  @Test
  void fullKeyAnchorNotInChainSigningTheLeafPasses_Rfc7671_5_2_2() {
    // Only the leaf is sent; the 2 1 0 key is the intermediate's, which signed it.
    DaneResult result = verify(List.of(EC.leaf().certificate()),
        TestPki.tlsa(2, Selector.SPKI, MatchingType.FULL, EC.inter().certificate()));
    assertThat(result.records().get(0).result())
        .isEqualTo(new RecordResult.Matched(List.of(0), true, MX, MX));
  }

  @Test
  void fullKeyOfUnrelatedCaFails_Rfc7671_5_2_2() {
    X509Certificate stranger = TestPki.ca("Stranger").build().certificate();
    for (Selector s : Selector.values()) {
      DaneResult result = verify(EC.sent(), TestPki.tlsa(2, s, MatchingType.FULL, stranger));
      assertThat(result.records().get(0).result()).isEqualTo(new RecordResult.TaNotInChain());
    }
  }

  @Test
  void fullCertificateAnchorMustBeTheIssuerByNameNotOnlyByKey_Rfc7671_5_2_2() {
    // A 2 0 0 certificate anchors only what it issued: name and signature, as OpenSSL's
    // check_dane_issuer (X509_check_issued) requires. A bare 2 1 0 key has no name to check.
    X509Certificate renamed = TestPki.ca("Not The Root").keyPair(EC.root().keyPair()).build()
        .certificate();
    RecordResult byKey = new RecordResult.Matched(List.of(0, 1), true, MX, MX);
    assertThat(result(EC.sent(), TestPki.tlsa(2, Selector.CERT, MatchingType.FULL, renamed)))
        .isEqualTo(new RecordResult.TaNotInChain());
    assertThat(result(EC.sent(), TestPki.tlsa(2, Selector.SPKI, MatchingType.FULL, renamed)))
        .isEqualTo(byKey);
    assertThat(result(EC.sent(),
        TestPki.tlsa(2, Selector.CERT, MatchingType.FULL, EC.root().certificate())))
        .isEqualTo(byKey);
  }

  @Test
  void daneTaFailsOnExpiredLeafWhereDaneEePasses_Rfc7672_3_1_2() {
    HeldCertificate expired = TestPki.leaf(MX).validity(TestPki.PAST_FROM, TestPki.PAST_UNTIL)
        .signedBy(EC.inter()).build();
    List<X509Certificate> chain = List.of(expired.certificate(), EC.inter().certificate());
    assertThat(verify(chain, TestPki.ta211(EC.inter().certificate())).records().get(0).result())
        .isEqualTo(new RecordResult.Expired(0, TestPki.PAST_UNTIL));
    assertThat(verify(chain, TestPki.ee311(expired.certificate())).authenticated()).isTrue();
  }

  @Test
  void daneTaFailsOnExpiredIntermediate() {
    HeldCertificate inter = TestPki.ca("Old Intermediate")
        .validity(TestPki.PAST_FROM, TestPki.PAST_UNTIL).signedBy(EC.root()).build();
    HeldCertificate leaf = TestPki.leaf(MX).signedBy(inter).build();
    List<X509Certificate> chain = List.of(leaf.certificate(), inter.certificate(),
        EC.root().certificate());
    assertThat(result(chain, TestPki.ta211(EC.root().certificate())))
        .isEqualTo(new RecordResult.Expired(1, TestPki.PAST_UNTIL));
    assertThat(result(chain, TestPki.ta211(inter.certificate())))
        .isEqualTo(new RecordResult.Expired(1, TestPki.PAST_UNTIL));
  }

  @Test
  void daneTaFailsOnLeafNotYetValid() {
    HeldCertificate leaf = TestPki.leaf(MX).validity(TestPki.FUTURE_FROM, TestPki.FUTURE_UNTIL)
        .signedBy(EC.inter()).build();
    assertThat(result(List.of(leaf.certificate(), EC.inter().certificate()),
        TestPki.ta211(EC.inter().certificate())))
        .isEqualTo(new RecordResult.NotYetValid(0, TestPki.FUTURE_FROM));
  }

  @Test
  void daneTaFailsOnBrokenSignatureBetweenLeafAndIntermediate() {
    HeldCertificate leaf = TestPki.leaf(MX).signedBy(EC.inter()).brokenSignature().build();
    RecordResult r = result(List.of(leaf.certificate(), EC.inter().certificate()),
        TestPki.ta211(EC.inter().certificate()));
    assertThat(r).isEqualTo(new RecordResult.SignatureBroken(0));
    assertThat(r.code().code()).isEqualTo("chain-signature-broken");
  }

  @Test
  void daneTaFailsWhenSameNamedIntermediateHasAnotherKey() {
    // The server sends an intermediate with the right name but a different key.
    HeldCertificate impostor = TestPki.ca(EC.inter().certificate().getSubjectX500Principal()
        .getName().substring(3)).signedBy(EC.root()).build();
    assertThat(result(List.of(EC.leaf().certificate(), impostor.certificate()),
        TestPki.ta211(impostor.certificate())))
        .isEqualTo(new RecordResult.SignatureBroken(0));
  }

  @Test
  void daneTaFailsWhenIntermediateIsNotACa() {
    HeldCertificate noBc = TestPki.ca("No BC").withoutBasicConstraints().signedBy(EC.root())
        .build();
    HeldCertificate notCa = HeldCertificate.builder().commonName("Not CA")
        .validity(TestPki.FROM, TestPki.UNTIL).signedBy(EC.root()).build();
    for (HeldCertificate[] row : new HeldCertificate[][] {{noBc}, {notCa}}) {
      HeldCertificate inter = row[0];
      HeldCertificate leaf = TestPki.leaf(MX).signedBy(inter).build();
      RecordResult r = result(List.of(leaf.certificate(), inter.certificate(),
          EC.root().certificate()), TestPki.ta211(EC.root().certificate()));
      assertThat(r).isEqualTo(new RecordResult.NotCa(1, inter == noBc
          ? RecordResult.CaProblem.NO_BASIC_CONSTRAINTS : RecordResult.CaProblem.NOT_A_CA));
    }
  }

  @Test
  void daneTaEnforcesPathLengthConstraint_Rfc5280_4_2_1_9() {
    HeldCertificate root0 = TestPki.ca("Root pathlen 0").ca(0).build();
    HeldCertificate root1 = TestPki.ca("Root pathlen 1").ca(1).build();
    for (HeldCertificate root : List.of(root0, root1)) {
      HeldCertificate inter = TestPki.ca("Inter of " + root.certificate().getSubjectX500Principal()
          .getName()).signedBy(root).build();
      HeldCertificate leaf = TestPki.leaf(MX).signedBy(inter).build();
      RecordResult r = result(List.of(leaf.certificate(), inter.certificate(),
          root.certificate()), TestPki.ta211(root.certificate()));
      assertThat(r).isEqualTo(root == root1
          ? new RecordResult.Matched(List.of(0, 1, 2), false, MX, MX)
          : new RecordResult.NotCa(2, RecordResult.CaProblem.PATH_LENGTH_EXCEEDED));
    }
  }

  @Test
  void daneTaLeafExtendedKeyUsageMustAllowServerAuth() {
    HeldCertificate clientOnly = TestPki.leaf(MX).signedBy(EC.inter())
        .extendedKeyUsage(org.bouncycastle.asn1.x509.KeyPurposeId.id_kp_clientAuth).build();
    HeldCertificate noEku = TestPki.leaf(MX).signedBy(EC.inter()).extendedKeyUsage().build();
    HeldCertificate both = TestPki.leaf(MX).signedBy(EC.inter())
        .extendedKeyUsage(org.bouncycastle.asn1.x509.KeyPurposeId.id_kp_clientAuth,
            org.bouncycastle.asn1.x509.KeyPurposeId.id_kp_serverAuth).build();
    TlsaRecord ta = TestPki.ta211(EC.inter().certificate());
    assertThat(result(List.of(clientOnly.certificate(), EC.inter().certificate()), ta))
        .isEqualTo(new RecordResult.EkuNotServerAuth(List.of("1.3.6.1.5.5.7.3.2")));
    assertThat(result(List.of(noEku.certificate(), EC.inter().certificate()), ta).matched())
        .isTrue();
    assertThat(result(List.of(both.certificate(), EC.inter().certificate()), ta).matched())
        .isTrue();
  }

  @Test
  void daneTaIgnoresExtraCertificatesAndOrder() {
    X509Certificate stranger = TestPki.ca("Stranger").build().certificate();
    List<X509Certificate> chain = List.of(EC.leaf().certificate(), stranger,
        EC.root().certificate(), EC.inter().certificate());
    assertThat(result(chain, TestPki.ta211(EC.root().certificate())))
        .isEqualTo(new RecordResult.Matched(List.of(0, 3, 2), false, MX, MX));
    assertThat(result(chain, TestPki.ta211(EC.inter().certificate())))
        .isEqualTo(new RecordResult.Matched(List.of(0, 3), false, MX, MX));
  }

  @Test
  void daneTaRecordMatchingAnUnrelatedSentCertificateSaysItIsNotOnThePath() {
    X509Certificate stranger = TestPki.ca("Stranger").build().certificate();
    RecordResult r = result(List.of(EC.leaf().certificate(), EC.inter().certificate(), stranger),
        TestPki.ta211(stranger));
    assertThat(r).isEqualTo(new RecordResult.AnchorNotOnPath(2));
    assertThat(r.code().code()).isEqualTo("ta-not-issuer-of-chain");
  }

  @Test
  void daneTaRecordMatchingOnlyTheLeafIsNotATrustAnchor() {
    assertThat(result(EC.sent(), TestPki.ta211(EC.leaf().certificate())))
        .isEqualTo(new RecordResult.DigestMismatch(OptionalInt.of(0)));
  }

  @Test
  void daneTaChecksNamesAndSaysWhichWereTried_Rfc7672_3_2_2() {
    HeldCertificate www = TestPki.leaf("www.example.test").signedBy(EC.inter()).build();
    List<X509Certificate> chain = List.of(www.certificate(), EC.inter().certificate());
    TlsaRecord ta = TestPki.ta211(EC.inter().certificate());
    DaneResult result = DaneVerifier.verify(chain, List.of(ta),
        List.of("MX.Example.Test.", "example.test"), NOW);
    assertThat(result.records().get(0).result()).isEqualTo(new RecordResult.NameMismatch(
        List.of(MX, "example.test"), List.of("www.example.test")));
    assertThat(result.records().get(0).code().code()).isEqualTo("certificate-host-mismatch");
    // Adding the name the certificate has (e.g. an -aka) makes it pass, and says which.
    DaneResult aka = DaneVerifier.verify(chain, List.of(ta),
        List.of(MX, "WWW.example.test"), NOW);
    assertThat(aka.records().get(0).result())
        .isEqualTo(new RecordResult.Matched(List.of(0, 1), false, "www.example.test",
            "www.example.test"));
  }

  @Test
  void daneTaWildcardCertificateMatchesOneLabel_Rfc7672_3_2_3() {
    HeldCertificate wild = TestPki.leaf("*.example.test").signedBy(EC.inter()).build();
    List<X509Certificate> chain = List.of(wild.certificate(), EC.inter().certificate());
    TlsaRecord ta = TestPki.ta211(EC.inter().certificate());
    assertThat(DaneVerifier.verify(chain, List.of(ta), List.of(MX), NOW).records().get(0)
        .result()).isEqualTo(new RecordResult.Matched(List.of(0, 1), false, MX, "*.example.test"));
    assertThat(DaneVerifier.verify(chain, List.of(ta), List.of("a.mx.example.test"), NOW)
        .authenticated()).isFalse();
  }

  @Test
  void daneTaWithMixedKeyTypesAlongThePath() {
    HeldCertificate root = TestPki.ca("Ed Root").keyType(KeyType.ED25519).build();
    HeldCertificate inter = TestPki.ca("RSA Inter").keyType(KeyType.RSA_2048).signedBy(root)
        .build();
    HeldCertificate leaf = TestPki.leaf(MX).keyType(KeyType.ECDSA_P256).signedBy(inter).build();
    List<X509Certificate> chain = List.of(leaf.certificate(), inter.certificate());
    assertThat(result(chain, TestPki.tlsa(2, Selector.SPKI, MatchingType.FULL,
        root.certificate()))).isEqualTo(new RecordResult.Matched(List.of(0, 1), true, MX, MX));
  }

  @Test
  void validityBoundsAreInclusive_Rfc5280_4_1_2_5() {
    TlsaRecord ta = TestPki.ta211(EC.inter().certificate());
    assertThat(DaneVerifier.verify(EC.sent(), List.of(ta), List.of(MX), TestPki.UNTIL)
        .authenticated()).isTrue();
    assertThat(DaneVerifier.verify(EC.sent(), List.of(ta), List.of(MX),
        TestPki.UNTIL.plusSeconds(1)).records().get(0).result())
        .isEqualTo(new RecordResult.Expired(0, TestPki.UNTIL));
    assertThat(DaneVerifier.verify(EC.sent(), List.of(ta), List.of(MX), TestPki.FROM)
        .authenticated()).isTrue();
    assertThat(DaneVerifier.verify(EC.sent(), List.of(ta), List.of(MX),
        TestPki.FROM.minusSeconds(1)).authenticated()).isFalse();
  }

  static RecordResult result(List<X509Certificate> chain, TlsaRecord record) {
    return verify(chain, record).records().get(0).result();
  }

  static DaneResult verify(List<X509Certificate> chain, TlsaRecord record) {
    return DaneVerifier.verify(chain, List.of(record), List.of(MX), NOW);
  }
}
