package dev.smtpdane.dane;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 7671 §9 digest agility, seen from the RRset alone. */
class UsableRecordsTest {
  private static final TlsaRecord EE_SPKI_256 = TestPki.wrong(3, 1, 1);
  private static final TlsaRecord EE_SPKI_512 = TestPki.wrong(3, 1, 2);
  private static final TlsaRecord EE_CERT_256 = TestPki.wrong(3, 0, 1);
  private static final TlsaRecord TA_SPKI_256 = TestPki.wrong(2, 1, 1);
  private static final TlsaRecord PKIX_EE = TestPki.wrong(1, 1, 1);
  private static final TlsaRecord SHORT = new TlsaRecord(3, 1, 1, new byte[31]);

  @Test
  void strongerDigestSetsWeakerOneAsideWithinSamePair_Rfc7671_9() {
    UsableRecords r = UsableRecords.of(List.of(EE_SPKI_256, EE_SPKI_512));
    assertThat(r.counted()).containsExactly(EE_SPKI_512);
    assertThat(r.weakerIgnored()).containsEntry(EE_SPKI_256, List.of(EE_SPKI_512));
  }

  /** An RRset has no order (RFC 2181 §5): the stronger digest wins wherever it stands. */
  @ParameterizedTest(name = "SHA2-512 {0}")
  @ValueSource(strings = {"last", "first"})
  void strongerDigestWinsWhateverTheRecordOrder_Rfc7671_9(String where) {
    List<TlsaRecord> rrset = where.equals("last")
        ? List.of(EE_SPKI_256, EE_SPKI_512) : List.of(EE_SPKI_512, EE_SPKI_256);
    UsableRecords r = UsableRecords.of(rrset);
    assertThat(r.counted()).containsExactly(EE_SPKI_512);
    assertThat(r.weakerIgnored()).containsOnlyKeys(EE_SPKI_256);
  }

  @Test
  void weakerRecordNamesOnlyTheStrongerRecordsOfItsOwnPair_Rfc7671_9() {
    TlsaRecord otherEe512 = new TlsaRecord(3, 1, 2, new byte[64]);
    UsableRecords r = UsableRecords.of(List.of(TestPki.wrong(2, 1, 2), EE_SPKI_256,
        TestPki.wrong(3, 0, 2), EE_SPKI_512, otherEe512, EE_SPKI_512));
    // The 2 1 2 and 3 0 2 do not take its place, and a record listed twice is named once.
    assertThat(r.weakerIgnored())
        .containsExactly(Map.entry(EE_SPKI_256, List.of(EE_SPKI_512, otherEe512)));
  }

  @Test
  void otherPairsAreNotAffected_Rfc7671_9() {
    UsableRecords r =
        UsableRecords.of(List.of(EE_SPKI_256, EE_SPKI_512, EE_CERT_256, TA_SPKI_256));
    assertThat(r.counted()).containsExactly(EE_SPKI_512, EE_CERT_256, TA_SPKI_256);
    assertThat(r.weakerIgnored()).containsOnlyKeys(EE_SPKI_256);
  }

  @Test
  void fullRecordsAlwaysCount_Rfc7671_9() {
    TlsaRecord full = TlsaRecord.parse("3 1 0 " + spkiHex());
    UsableRecords r = UsableRecords.of(List.of(full, EE_SPKI_512));
    assertThat(r.counted()).containsExactly(full, EE_SPKI_512);
    assertThat(r.weakerIgnored()).isEmpty();
  }

  @Test
  void unusableRecordsTakeNoPartInAgility() {
    TlsaRecord badLong = new TlsaRecord(3, 1, 2, new byte[63]);
    UsableRecords r = UsableRecords.of(List.of(EE_SPKI_256, badLong, PKIX_EE, SHORT));
    assertThat(r.counted()).containsExactly(EE_SPKI_256);
    assertThat(r.unusable()).containsOnlyKeys(badLong, PKIX_EE, SHORT);
    assertThat(r.anyUsable()).isTrue();
  }

  @Test
  void onlyUnusableRecordsMeansNothingUsable() {
    UsableRecords r = UsableRecords.of(List.of(PKIX_EE, SHORT));
    assertThat(r.anyUsable()).isFalse();
    assertThat(UsableRecords.of(List.of()).anyUsable()).isFalse();
  }

  private static String spkiHex() {
    return java.util.HexFormat.of().formatHex(
        TestPki.chain(dev.smtpdane.lab.pki.KeyType.ECDSA_P256).leaf().certificate()
            .getPublicKey().getEncoded());
  }
}
