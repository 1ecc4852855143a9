package dev.smtpdane.dane;

import static dev.smtpdane.dane.TestPki.MX;
import static dev.smtpdane.dane.TestPki.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smtpdane.lab.pki.HeldCertificate;
import dev.smtpdane.lab.pki.KeyType;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The verdict, agility across the RRset, and what the result tells the operator. */
class DaneVerifierTest {
  private static final TestPki.Chain EC = TestPki.chain(KeyType.ECDSA_P256);
  private static final X509Certificate LEAF = EC.leaf().certificate();

  @Test
  void strongerWrongDigestOutranksWeakerRightOne_Rfc7671_9() {
    TlsaRecord right256 = TestPki.ee311(LEAF);
    TlsaRecord wrong512 = TestPki.wrong(3, 1, 2);
    DaneResult result = verify(List.of(right256, wrong512));
    assertThat(result.verdict()).isEqualTo(new DaneVerdict.NotAuthenticated(true));
    assertThat(result.records().get(0).result())
        .isEqualTo(new RecordResult.WeakerDigestIgnored(List.of(wrong512), true));
    assertThat(result.records().get(0).code().code()).isEqualTo("tlsa-digest-agility");
    assertThat(result.records().get(1).result())
        .isEqualTo(new RecordResult.DigestMismatch(OptionalInt.empty()));
  }

  @Test
  void strongerRightDigestBesideWeakerWrongOnePasses_Rfc7671_9() {
    TlsaRecord right512 = TestPki.tlsa(3, Selector.SPKI, MatchingType.SHA2_512, LEAF);
    DaneResult result = verify(List.of(TestPki.wrong(3, 1, 1), right512));
    assertThat(result.authenticated()).isTrue();
    assertThat(result.records().get(0).result())
        .isEqualTo(new RecordResult.WeakerDigestIgnored(List.of(right512), false));
  }

  @Test
  void weakerDigestThatWouldNotMatchEitherIsAPlainMismatch_Rfc7671_9() {
    // Only a weaker record that would match makes the failure an agility one (RFC 7671 §9).
    DaneResult result = verify(List.of(TestPki.wrong(3, 1, 1), TestPki.wrong(3, 1, 2)));
    assertThat(result.verdict()).isEqualTo(new DaneVerdict.NotAuthenticated(false));
    assertThat(result.verdict().code().code()).isEqualTo("no-tlsa-match");
    assertThat(result.records().get(0).result())
        .isEqualTo(new RecordResult.WeakerDigestIgnored(List.of(TestPki.wrong(3, 1, 2)), false));
  }

  @Test
  void fullRecordAlwaysCountsBesideDigests_Rfc7671_9() {
    TlsaRecord full = TestPki.tlsa(3, Selector.SPKI, MatchingType.FULL, LEAF);
    DaneResult result = verify(List.of(TestPki.wrong(3, 1, 2), full));
    assertThat(result.verdict()).isInstanceOfSatisfying(DaneVerdict.Authenticated.class,
        a -> assertThat(a.matches()).extracting(RecordOutcome::record).containsExactly(full));
  }

  @Test
  void agilityIsPerUsageAndSelectorPair_Rfc7671_9() {
    // A wrong 3 0 2 does not set aside a right 3 1 1: different selector.
    DaneResult result = verify(List.of(TestPki.wrong(3, 0, 2), TestPki.ee311(LEAF)));
    assertThat(result.authenticated()).isTrue();
  }

  @Test
  void pkixOnlyRecordsAreUnusable_Rfc7672_3_1_3() {
    TlsaRecord pkixTa = TestPki.tlsa(0, Selector.SPKI, MatchingType.SHA2_256,
        EC.inter().certificate());
    TlsaRecord pkixEe = TestPki.tlsa(1, Selector.SPKI, MatchingType.SHA2_256, LEAF);
    DaneResult result = verify(List.of(pkixTa, pkixEe));
    assertThat(result.verdict()).isEqualTo(new DaneVerdict.NoUsableRecords());
    assertThat(result.records()).extracting(RecordOutcome::result).allSatisfy(r ->
        assertThat(r).isInstanceOfSatisfying(RecordResult.Unusable.class,
            u -> assertThat(u.reason()).isEqualTo(UnusableReason.PKIX_USAGE)));
    assertThat(result.records().get(0).code().code()).isEqualTo("tlsa-unusable");
  }

  @Test
  void malformedRecordsAreUnusableAndReportedBesideAMatch() {
    TlsaRecord short256 = new TlsaRecord(3, 1, 1, new byte[31]);
    TlsaRecord badSelector = new TlsaRecord(3, 2, 1, new byte[32]);
    TlsaRecord badType = new TlsaRecord(3, 1, 3, new byte[32]);
    assertThat(verify(List.of(short256, badSelector, badType)).verdict())
        .isEqualTo(new DaneVerdict.NoUsableRecords());
    DaneResult mixed = verify(List.of(short256, TestPki.ee311(LEAF), badType));
    assertThat(mixed.authenticated()).isTrue();
    assertThat(mixed.records()).extracting(o -> o.result().getClass().getSimpleName())
        .containsExactly("Unusable", "Matched", "Unusable");
  }

  @Test
  void verdictsCarryStableCodes() {
    assertThat(verify(List.of(TestPki.ee311(LEAF))).verdict().code().code())
        .isEqualTo("dane-verified");
    assertThat(verify(List.of(TestPki.wrong(3, 1, 1))).verdict().code().code())
        .isEqualTo("no-tlsa-match");
    assertThat(verify(List.of(TestPki.ee311(LEAF), TestPki.wrong(3, 1, 2))).verdict().code()
        .code()).isEqualTo("tlsa-digest-agility");
    assertThat(verify(List.of(TestPki.wrong(1, 1, 1))).verdict().code().code())
        .isEqualTo("dane-not-effective");
  }

  @Test
  void noRecordsIsNoUsableRecords() {
    assertThat(verify(List.of()).verdict()).isEqualTo(new DaneVerdict.NoUsableRecords());
  }

  @Test
  void rolloverPairPassesOnTheCurrentKey() {
    X509Certificate next = TestPki.leaf(MX).build().certificate();
    DaneResult result = verify(List.of(TestPki.ee311(next), TestPki.ee311(LEAF),
        TestPki.ta211(EC.inter().certificate())));
    assertThat(result.verdict()).isInstanceOfSatisfying(DaneVerdict.Authenticated.class,
        a -> assertThat(a.matches()).hasSize(2));
    assertThat(result.records().get(0).matched()).isFalse();
  }

  @Test
  void resultShowsWhatTheServerPresented() throws Exception {
    DaneResult result = DaneVerifier.verify(
        List.of(LEAF, TestPki.ca("Extra").build().certificate(), EC.inter().certificate()),
        List.of(TestPki.wrong(3, 1, 1)), List.of(MX), NOW);
    PresentedCertificate leaf = result.chain().get(0);
    assertThat(leaf.spkiSha256()).isEqualTo(TestPki.sha256Hex(LEAF.getPublicKey().getEncoded()));
    assertThat(leaf.certSha256()).isEqualTo(TestPki.sha256Hex(LEAF.getEncoded()));
    assertThat(leaf.spkiSha512()).hasSize(128).isUpperCase();
    assertThat(leaf.certSha512()).isEqualTo(java.util.HexFormat.of().withUpperCase().formatHex(
        MatchingType.SHA2_512.apply(LEAF.getEncoded())));
    assertThat(leaf.subject()).isEqualTo("CN=" + MX);
    assertThat(leaf.keyAlgorithm()).isEqualTo("EC");
    assertThat(leaf.keyBits()).isEqualTo(256);
    assertThat(leaf.dnsNames()).containsExactly(MX);
    assertThat(leaf.notAfter()).isEqualTo(TestPki.UNTIL);
    assertThat(result.chain()).extracting(PresentedCertificate::onIssuerPath)
        .containsExactly(true, false, true);
    assertThat(result.chain().get(2).ca()).isTrue();
    assertThat(leaf.tlsaRecord(CertUsage.DANE_EE, Selector.SPKI, MatchingType.SHA2_256))
        .isEqualTo(TestPki.ee311(LEAF));
    assertThat(leaf.associationDataHex(Selector.CERT, MatchingType.FULL))
        .isEqualTo(java.util.HexFormat.of().withUpperCase().formatHex(LEAF.getEncoded()));
  }

  @Test
  void keyAlgorithmsAndSizesAreReported() throws Exception {
    for (KeyType k : List.of(KeyType.RSA_2048, KeyType.ED25519)) {
      PresentedCertificate p = DaneVerifier.verify(TestPki.chain(k).sent(), List.of(),
          List.of(), NOW).chain().get(0);
      assertThat(p.keyAlgorithm() + "/" + p.keyBits())
          .isEqualTo(k == KeyType.RSA_2048 ? "RSA/2048" : "Ed25519/255");
    }
    X509Certificate ed448 = TestPki.leaf(MX).signedBy(EC.inter())
        .keyPair(KeyPairGenerator.getInstance("Ed448").generateKeyPair()).build().certificate();
    PresentedCertificate p = DaneVerifier.verify(List.of(ed448), List.of(), List.of(), NOW)
        .chain().get(0);
    assertThat(p.keyAlgorithm() + "/" + p.keyBits()).isEqualTo("Ed448/448");
  }

  /** The CA flag shown is basicConstraints cA, whatever the path length (RFC 5280 §4.2.1.9). */
  @Test
  void caFlagIsShownForEveryPathLength() {
    X509Certificate pathLenZero = TestPki.ca("Path Length Zero").ca(0).build().certificate();
    DaneResult result = DaneVerifier.verify(List.of(LEAF, EC.inter().certificate(),
        pathLenZero), List.of(), List.of(MX), NOW);
    assertThat(result.chain()).extracting(PresentedCertificate::ca)
        .containsExactly(false, true, true);
  }

  @Test
  void resultListsTheReferenceIdentifiersTriedNormalised_DaneRules5() {
    DaneResult result = DaneVerifier.verify(EC.sent(), List.of(TestPki.wrong(2, 1, 1)),
        List.of("MX.Example.Test.", "example.test", "mx.example.test"), NOW);
    assertThat(result.referenceNames()).containsExactly(MX, "example.test");
  }

  @Test
  void suggestsRecordsThatWouldMatchAndSaysWhetherTheyWouldAuthenticate() {
    DaneResult ok = verify(List.of(TestPki.wrong(3, 1, 1)));
    assertThat(ok.suggestions()).extracting(s -> s.record().toString())
        .containsExactly(TestPki.ee311(LEAF).toString(),
            TestPki.ta211(EC.inter().certificate()).toString());
    assertThat(ok.suggestions()).allMatch(SuggestedRecord::wouldAuthenticate);
    // With a name the certificate lacks, 2 1 1 would not authenticate, and says why.
    DaneResult other = DaneVerifier.verify(EC.sent(), List.of(), List.of("other.test"), NOW);
    assertThat(other.suggestions().get(0).wouldAuthenticate()).isTrue();
    assertThat(other.suggestions().get(1).outcome())
        .isInstanceOf(RecordResult.NameMismatch.class);
    assertThat(other.suggestions().get(1).wouldAuthenticate()).isFalse();
  }

  @Test
  void suggestionsCoverOnlyReadableCertificatesOnTheIssuerPath() {
    // An extra certificate the leaf does not chain to gets no 2 1 1: it could never anchor.
    DaneResult extra = DaneVerifier.verify(
        List.of(LEAF, TestPki.ca("Extra").build().certificate(), EC.inter().certificate()),
        List.of(TestPki.wrong(3, 1, 1)), List.of(MX), NOW);
    assertThat(extra.suggestions()).extracting(SuggestedRecord::chainPosition)
        .containsExactly(0, 2);
    // A leaf whose content cannot be read has no digest to suggest.
    DaneResult hostile = DaneVerifier.verify(
        List.of(new HostileCertificate(LEAF), EC.inter().certificate()),
        List.of(TestPki.wrong(3, 1, 1)), List.of(MX), NOW);
    assertThat(hostile.suggestions()).extracting(SuggestedRecord::chainPosition)
        .containsExactly(1);
  }

  @Test
  void emptyChainAuthenticatesNothing() {
    DaneResult result = DaneVerifier.verify(List.of(),
        List.of(TestPki.ee311(LEAF), TestPki.ta211(EC.inter().certificate())), List.of(MX), NOW);
    assertThat(result.verdict()).isEqualTo(new DaneVerdict.NotAuthenticated(false));
    assertThat(result.records()).extracting(RecordOutcome::result).containsExactly(
        new RecordResult.DigestMismatch(OptionalInt.empty()), new RecordResult.TaNotInChain());
    assertThat(result.chain()).isEmpty();
    assertThat(result.suggestions()).isEmpty();
  }

  @Test
  void overlongChainIsCappedAndSaysSo() {
    List<X509Certificate> chain = new ArrayList<>(EC.sent());
    HeldCertificate filler = TestPki.ca("Filler").build();
    while (chain.size() < 60) {
      chain.add(filler.certificate());
    }
    chain.add(EC.root().certificate()); // position 60: beyond the cap, never examined
    DaneResult result = DaneVerifier.verify(chain,
        List.of(TestPki.ee311(LEAF), TestPki.ta211(EC.root().certificate())), List.of(MX), NOW);
    assertThat(result.warnings()).containsExactly(new DaneWarning.ChainTooLong(61, 16));
    assertThat(result.chain()).hasSize(PresentedChain.MAX_CERTIFICATES);
    assertThat(result.records().get(0).matched()).isTrue();
    assertThat(result.records().get(1).result()).isEqualTo(new RecordResult.TaNotInChain());
  }

  @Test
  void hostileCertificatesAreOutcomesNotExceptions() {
    X509Certificate hostile = new HostileCertificate(LEAF);
    DaneResult result = DaneVerifier.verify(List.of(hostile, EC.inter().certificate()),
        List.of(TestPki.ee311(LEAF), TestPki.ta211(EC.inter().certificate())), List.of(MX), NOW);
    assertThat(result.authenticated()).isFalse();
    assertThat(result.records().get(1).result()).isEqualTo(new RecordResult.SignatureBroken(0));
  }

  @Test
  void anAuthenticatedVerdictOrAMatchCannotBeMadeWithoutOne() {
    // The types themselves refuse a pass without a matching record or from a non-leaf path.
    RecordOutcome mismatch = new RecordOutcome(TestPki.wrong(3, 1, 1),
        new RecordResult.DigestMismatch(OptionalInt.empty()));
    RecordOutcome match = new RecordOutcome(TestPki.ee311(LEAF),
        new RecordResult.Matched(List.of(0), false, null, null));
    assertThatThrownBy(() -> new DaneVerdict.Authenticated(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DaneVerdict.Authenticated(List.of(match, mismatch)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new DaneVerdict.Authenticated(List.of(match)).matches()).containsExactly(match);
    assertThatThrownBy(() -> new RecordResult.Matched(List.of(), false, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RecordResult.Matched(List.of(1, 2), false, MX, MX))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new RecordResult.Matched(List.of(0, 1, 2), false, MX, MX).chainPosition())
        .isEqualTo(2);
  }

  private static DaneResult verify(List<TlsaRecord> records) {
    return DaneVerifier.verify(EC.sent(), records, List.of(MX), NOW);
  }
}
