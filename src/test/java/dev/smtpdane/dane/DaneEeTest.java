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

/** DANE-EE(3): the leaf alone, no names, no dates (RFC 7672 §3.1.1, RFC 7671 §5.1). */
class DaneEeTest {

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

  @ParameterizedTest(name = "{0} 3 {1} {2}")
  @MethodSource("keyTypesSelectorsMatchingTypes")
  void daneEeMatchesLeafForEverySelectorAndMatchingType_Rfc7672_3_1_1(
      KeyType key, Selector selector, MatchingType type) {
    TestPki.Chain c = TestPki.chain(key);
    TlsaRecord r = TestPki.tlsa(3, selector, type, c.leaf().certificate());
    DaneResult result = verify(c.sent(), r);
    assertThat(result.authenticated()).isTrue();
    assertThat(result.records().get(0).result())
        .isEqualTo(new RecordResult.Matched(List.of(0), false, null, null));
    assertThat(result.warnings()).isEmpty();
  }

  @ParameterizedTest(name = "{0} 3 {1} {2}")
  @MethodSource("keyTypesSelectorsMatchingTypes")
  void daneEeFailsWhenRecordIsForAnotherKey_Rfc7672_3_1_1(
      KeyType key, Selector selector, MatchingType type) {
    TestPki.Chain c = TestPki.chain(key);
    // Same key type, same (selector, type), but the data of another server's certificate.
    X509Certificate other = TestPki.leaf(MX).keyType(key).build().certificate();
    DaneResult result = verify(c.sent(), TestPki.tlsa(3, selector, type, other));
    assertThat(result.verdict()).isEqualTo(new DaneVerdict.NotAuthenticated(false));
    assertThat(result.records().get(0).result())
        .isEqualTo(new RecordResult.DigestMismatch(OptionalInt.empty()));
  }

  @Test
  void daneEeMatchIgnoresExpiredLeafButWarns_Rfc7672_3_1_1() {
    TestPki.Chain c = TestPki.chain(KeyType.ECDSA_P256);
    HeldCertificate expired = TestPki.leaf(MX).validity(TestPki.PAST_FROM, TestPki.PAST_UNTIL)
        .signedBy(c.inter()).build();
    DaneResult result =
        verify(List.of(expired.certificate(), c.inter().certificate()),
            TestPki.ee311(expired.certificate()));
    assertThat(result.authenticated()).isTrue();
    assertThat(result.warnings())
        .containsExactly(new DaneWarning.EeLeafExpired(TestPki.PAST_UNTIL));
    assertThat(result.warnings().get(0).code().code()).isEqualTo("dane-ee-leaf-expired");
  }

  @Test
  void daneEeMatchIgnoresNotYetValidLeafButWarns_Rfc7672_3_1_1() {
    HeldCertificate future =
        TestPki.leaf(MX).validity(TestPki.FUTURE_FROM, TestPki.FUTURE_UNTIL).build();
    DaneResult result = verify(List.of(future.certificate()), TestPki.ee311(future.certificate()));
    assertThat(result.authenticated()).isTrue();
    assertThat(result.warnings())
        .containsExactly(new DaneWarning.EeLeafNotYetValid(TestPki.FUTURE_FROM));
  }

  @Test
  void expiredLeafGivesNoWarningWhenNothingMatchedByDaneEe() {
    HeldCertificate expired =
        TestPki.leaf(MX).validity(TestPki.PAST_FROM, TestPki.PAST_UNTIL).build();
    DaneResult result = verify(List.of(expired.certificate()), TestPki.wrong(3, 1, 1));
    assertThat(result.authenticated()).isFalse();
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void daneEeIgnoresNamesSignaturesAndChain_Rfc7671_5_1() {
    // Self-signed, wrong name, MD5 signature, broken signature: none of it matters to EE.
    HeldCertificate odd = HeldCertificate.builder().commonName("unrelated.invalid")
        .keyType(KeyType.RSA_2048).signatureAlgorithm("MD5withRSA").brokenSignature()
        .validity(TestPki.FROM, TestPki.UNTIL).build();
    DaneResult result = verify(List.of(odd.certificate()), TestPki.ee311(odd.certificate()));
    assertThat(result.authenticated()).isTrue();
  }

  @Test
  void daneEeRecordMatchingTheIntermediateSaysSo() {
    TestPki.Chain c = TestPki.chain(KeyType.ECDSA_P256);
    DaneResult result = verify(c.sent(), TestPki.ee311(c.inter().certificate()));
    assertThat(result.authenticated()).isFalse();
    assertThat(result.records().get(0).result())
        .isEqualTo(new RecordResult.DigestMismatch(OptionalInt.of(1)));
    assertThat(result.records().get(0).code().code()).isEqualTo("no-tlsa-match");
  }

  private static DaneResult verify(List<X509Certificate> chain, TlsaRecord record) {
    return DaneVerifier.verify(chain, List.of(record), List.of(MX), NOW);
  }
}
