package dev.smtpdane.dane;

import static dev.smtpdane.dane.RecordResult.RECORD_CERTIFICATE;
import static dev.smtpdane.dane.TestPki.FROM;
import static dev.smtpdane.dane.TestPki.FUTURE_FROM;
import static dev.smtpdane.dane.TestPki.FUTURE_UNTIL;
import static dev.smtpdane.dane.TestPki.MX;
import static dev.smtpdane.dane.TestPki.NOW;
import static dev.smtpdane.dane.TestPki.PAST_FROM;
import static dev.smtpdane.dane.TestPki.PAST_UNTIL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpdane.lab.pki.CertificateBuilder;
import dev.smtpdane.lab.pki.KeyType;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The trust anchor's own dates and CA flag under DANE-TA(2) (RFC 7671 §5.2, dane-rules.md §5),
 * as OpenSSL judges them (crypto/x509/x509_vfy.c): the certificate of a {@code 2 0 0} record
 * the server did not send is on the chain like a sent one, so its dates and CA flag count; a
 * {@code 2 1 0} key has neither.
 */
class TrustAnchorValidityTest {
  private static final TestPki.Chain EC = TestPki.chain(KeyType.ECDSA_P256);

  /** The root's name and key (so it signed EC's intermediate), made by {@code tweak}. */
  private static X509Certificate rootCopy(UnaryOperator<CertificateBuilder> tweak) {
    return TestPki.remake(EC.root(), tweak);
  }

  static Stream<Arguments> unsentRootIn200() {
    return Stream.of(
        Arguments.of("a valid CA", op(CertificateBuilder::ca),
            new RecordResult.Matched(List.of(0, 1), true, MX, MX)),
        Arguments.of("expired", op(b -> b.ca().validity(PAST_FROM, PAST_UNTIL)),
            new RecordResult.Expired(RECORD_CERTIFICATE, PAST_UNTIL)),
        Arguments.of("not yet valid", op(b -> b.ca().validity(FUTURE_FROM, FUTURE_UNTIL)),
            new RecordResult.NotYetValid(RECORD_CERTIFICATE, FUTURE_FROM)),
        Arguments.of("cA=false", op(b -> b),
            new RecordResult.NotCa(RECORD_CERTIFICATE, RecordResult.CaProblem.NOT_A_CA)),
        // The top of the path may lack basicConstraints where OpenSSL's check_ca tolerates it.
        Arguments.of("no basicConstraints, keyCertSign",
            op(b -> b.ca().withoutBasicConstraints()),
            new RecordResult.Matched(List.of(0, 1), true, MX, MX)),
        Arguments.of("no basicConstraints, keyUsage without keyCertSign",
            op(CertificateBuilder::withoutBasicConstraints),
            new RecordResult.NotCa(RECORD_CERTIFICATE, RecordResult.CaProblem.NO_KEY_CERT_SIGN)),
        Arguments.of("no basicConstraints, no keyUsage",
            op(b -> b.withoutBasicConstraints().withoutKeyUsage()),
            new RecordResult.NotCa(RECORD_CERTIFICATE,
                RecordResult.CaProblem.NO_BASIC_CONSTRAINTS)),
        Arguments.of("no basicConstraints or keyUsage, nsCertType sslCA",
            op(b -> b.withoutBasicConstraints().withoutKeyUsage().extension(
                NetscapeCertType.OID, false, new org.bouncycastle.asn1.misc.NetscapeCertType(
                    org.bouncycastle.asn1.misc.NetscapeCertType.sslCA))),
            new RecordResult.Matched(List.of(0, 1), true, MX, MX)),
        Arguments.of("no basicConstraints or keyUsage, nsCertType smimeCA only",
            op(b -> b.withoutBasicConstraints().withoutKeyUsage().extension(
                NetscapeCertType.OID, false, new org.bouncycastle.asn1.misc.NetscapeCertType(
                    org.bouncycastle.asn1.misc.NetscapeCertType.smimeCA))),
            new RecordResult.NotCa(RECORD_CERTIFICATE,
                RecordResult.CaProblem.NO_BASIC_CONSTRAINTS)),
        Arguments.of("keyUsage without keyCertSign", op(b -> b.ca().keyUsage(KeyUsage.cRLSign)),
            new RecordResult.NotCa(RECORD_CERTIFICATE, RecordResult.CaProblem.NO_KEY_CERT_SIGN)),
        Arguments.of("pathlen 0 above an intermediate", op(b -> b.ca(0)),
            new RecordResult.NotCa(RECORD_CERTIFICATE,
                RecordResult.CaProblem.PATH_LENGTH_EXCEEDED)));
  }

  private static UnaryOperator<CertificateBuilder> op(UnaryOperator<CertificateBuilder> f) {
    return f;
  }

  @ParameterizedTest(name = "2 0 0 of a root not sent, {0}")
  @MethodSource("unsentRootIn200")
  void unsentAnchorIn200IsJudgedLikeASentOne_OpenSslBuildChain(String what,
      UnaryOperator<CertificateBuilder> tweak, RecordResult expected) {
    TlsaRecord record = full200(rootCopy(tweak));
    assertThat(result(EC.sent(), record)).isEqualTo(expected);
  }

  @Test
  void unsentAnchorIn200IsValidUpToItsNotAfterInclusive_Rfc5280_4_1_2_5() {
    TlsaRecord record = full200(rootCopy(b -> b.ca().validity(FROM, NOW)));
    assertThat(result(EC.sent(), record).matched()).isTrue();
    DaneResult late = DaneVerifier.verify(EC.sent(), List.of(record), List.of(MX),
        NOW.plusSeconds(1));
    assertThat(late.records().get(0).result())
        .isEqualTo(new RecordResult.Expired(RECORD_CERTIFICATE, NOW));
  }

  @ParameterizedTest(name = "2 0 0 of an intermediate not sent, expired: {0}")
  @EnumSource(names = {"VALID", "EXPIRED"})
  void unsentIntermediateIn200DatesCountStricterThanOpenSsl(Validity validity) {
    // OpenSSL checks a non-self-issued anchor's dates only with X509_V_FLAG_PARTIAL_CHAIN:
    // Postfix would pass the expired one. dane-rules.md §5 checks every certificate.
    X509Certificate inter =
        TestPki.remake(EC.inter(), b -> validity.apply(b.ca()).signedBy(EC.root()));
    RecordResult r = result(List.of(EC.leaf().certificate()), full200(inter));
    assertThat(r).isEqualTo(validity == Validity.VALID
        ? new RecordResult.Matched(List.of(0), true, MX, MX)
        : new RecordResult.Expired(RECORD_CERTIFICATE, PAST_UNTIL));
  }

  static Stream<Arguments> selectorsAndMatchingTypes() {
    return Stream.of(Selector.values()).flatMap(s ->
        Stream.of(MatchingType.values()).map(m -> Arguments.of(s, m)));
  }

  @ParameterizedTest(name = "2 {0} {1} on a sent root")
  @MethodSource("selectorsAndMatchingTypes")
  void sentRootAnchorMustBeValid_OpenSslInternalVerify(Selector s, MatchingType m) {
    // A self-issued anchor's dates: OpenSSL checks them too ("do also for trust anchor cert").
    X509Certificate expired = rootCopy(b -> b.ca().validity(PAST_FROM, PAST_UNTIL));
    List<X509Certificate> withExpired = List.of(EC.leaf().certificate(),
        EC.inter().certificate(), expired);
    assertThat(result(withExpired, TestPki.tlsa(2, s, m, expired)))
        .isEqualTo(new RecordResult.Expired(2, PAST_UNTIL));
    X509Certificate root = EC.root().certificate();
    assertThat(result(EC.sentWithRoot(), TestPki.tlsa(2, s, m, root)))
        .isEqualTo(new RecordResult.Matched(List.of(0, 1, 2), false, MX, MX));
  }

  @ParameterizedTest(name = "2 1 1 on a sent intermediate, {0}")
  @EnumSource(names = {"VALID", "EXPIRED"})
  void sentIntermediateAnchorDatesCountStricterThanOpenSsl(Validity validity) {
    // Postfix would pass the expired one (not self-issued, see DaneTaCheck#dates).
    X509Certificate inter =
        TestPki.remake(EC.inter(), b -> validity.apply(b.ca()).signedBy(EC.root()));
    RecordResult r = result(List.of(EC.leaf().certificate(), inter), TestPki.ta211(inter));
    assertThat(r).isEqualTo(validity == Validity.VALID
        ? new RecordResult.Matched(List.of(0, 1), false, MX, MX)
        : new RecordResult.Expired(1, PAST_UNTIL));
  }

  @ParameterizedTest(name = "2 1 0 key of an expired root; intermediate {0}")
  @EnumSource(names = {"VALID", "EXPIRED"})
  void bareKeyAnchorHasNoDatesButWhatItSignedHas_Rfc7671_5_2_3(Validity validity) {
    // The record's key is that of an expired root certificate: a bare key carries no dates.
    X509Certificate expiredRoot = rootCopy(b -> b.ca().validity(PAST_FROM, PAST_UNTIL));
    TlsaRecord key = TestPki.tlsa(2, Selector.SPKI, MatchingType.FULL, expiredRoot);
    X509Certificate inter =
        TestPki.remake(EC.inter(), b -> validity.apply(b.ca()).signedBy(EC.root()));
    RecordResult r = result(List.of(EC.leaf().certificate(), inter), key);
    assertThat(r).isEqualTo(validity == Validity.VALID
        ? new RecordResult.Matched(List.of(0, 1), true, MX, MX)
        : new RecordResult.Expired(1, PAST_UNTIL));
  }

  @Test
  void sentTopAnchorMayLackBasicConstraintsButNotAnIntermediate_OpenSslCheckExtensions() {
    // "X509_V_FLAG_X509_STRICT is implicit for intermediate CAs": only the top is tolerated.
    X509Certificate root = rootCopy(b -> b.ca().withoutBasicConstraints());
    List<X509Certificate> sent = List.of(EC.leaf().certificate(), EC.inter().certificate(), root);
    assertThat(result(sent, TestPki.ta211(root)))
        .isEqualTo(new RecordResult.Matched(List.of(0, 1, 2), false, MX, MX));
    X509Certificate inter = TestPki.remake(EC.inter(),
        b -> b.ca().withoutBasicConstraints().signedBy(EC.root()));
    List<X509Certificate> withInter = List.of(EC.leaf().certificate(), inter,
        EC.root().certificate());
    assertThat(result(withInter, TestPki.ta211(EC.root().certificate())))
        .isEqualTo(new RecordResult.NotCa(1, RecordResult.CaProblem.NO_BASIC_CONSTRAINTS));
    assertThat(result(withInter, TestPki.ta211(inter)))
        .isEqualTo(new RecordResult.Matched(List.of(0, 1), false, MX, MX));
  }

  @Test
  void recordAnchorFailuresSayWhichCertificateWhatAndWhatToDo() {
    RecordResult expired = new RecordResult.Expired(RECORD_CERTIFICATE, PAST_UNTIL);
    assertThat(expired.code().code()).isEqualTo("certificate-expired");
    assertThat(expired.explain()).contains("trust anchor certificate in the 2 0 0 record",
        "expired at " + PAST_UNTIL, "renew the CA certificate");
    RecordResult notYet = new RecordResult.NotYetValid(RECORD_CERTIFICATE, FUTURE_FROM);
    assertThat(notYet.explain()).contains("2 0 0 record", "not valid until " + FUTURE_FROM,
        "valid now");
    RecordResult notCa = new RecordResult.NotCa(RECORD_CERTIFICATE,
        RecordResult.CaProblem.NOT_A_CA);
    assertThat(notCa.code().code()).isEqualTo("chain-intermediate-not-ca");
    assertThat(notCa.explain()).contains("2 0 0 record", "not a ca", "CA:TRUE");
    // A certificate the server sent is named by its position, without the record advice.
    assertThat(new RecordResult.Expired(1, PAST_UNTIL).explain())
        .isEqualTo("the certificate at position 1 expired at " + PAST_UNTIL);
  }

  /** A certificate's validity around NOW. */
  enum Validity {
    VALID,
    EXPIRED;

    CertificateBuilder apply(CertificateBuilder b) {
      return this == VALID ? b : b.validity(PAST_FROM, PAST_UNTIL);
    }
  }

  private static TlsaRecord full200(X509Certificate cert) {
    return TestPki.tlsa(2, Selector.CERT, MatchingType.FULL, cert);
  }

  private static RecordResult result(List<X509Certificate> chain, TlsaRecord record) {
    return DaneVerifier.verify(chain, List.of(record), List.of(MX), NOW).records().get(0)
        .result();
  }
}
