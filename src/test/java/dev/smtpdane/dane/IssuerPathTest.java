package dev.smtpdane.dane;

import static dev.smtpdane.dane.TestPki.MX;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpdane.lab.pki.HeldCertificate;
import dev.smtpdane.lab.pki.KeyType;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the leaf's issuer paths are found among the certificates the server sent. */
class IssuerPathTest {
  private static final TestPki.Chain EC = TestPki.chain(KeyType.ECDSA_P256);

  @Test
  void followsBothCopiesOfACrossSignedCa() {
    // Like ISRG Root X1: one key, sent self-signed and cross-signed by an older root.
    KeyPair key = KeyType.ECDSA_P256.generate();
    HeldCertificate oldRoot = TestPki.ca("Old Root").build();
    HeldCertificate selfSigned = TestPki.ca("New Root").keyPair(key).build();
    HeldCertificate crossSigned = TestPki.ca("New Root").keyPair(key).signedBy(oldRoot).build();
    HeldCertificate inter = TestPki.ca("Issuing CA").signedBy(selfSigned).build();
    HeldCertificate leaf = TestPki.leaf(MX).signedBy(inter).build();
    List<X509Certificate> chain = List.of(leaf.certificate(), inter.certificate(),
        selfSigned.certificate(), crossSigned.certificate(), oldRoot.certificate());

    PresentedChain presented = new PresentedChain(chain);
    assertThat(presented.issuerPaths())
        .containsExactly(List.of(0, 1, 2), List.of(0, 1, 3, 4));
    assertThat(DaneTaTest.result(chain, TestPki.ta211(oldRoot.certificate())))
        .isEqualTo(new RecordResult.Matched(List.of(0, 1, 3, 4), false, MX, MX));
    assertThat(DaneTaTest.result(chain, TestPki.ta211(selfSigned.certificate())))
        .isEqualTo(new RecordResult.Matched(List.of(0, 1, 2), false, MX, MX));
  }

  @Test
  void sameNamedCertificateThatDidNotSignTheLeafIsOffThePath() {
    // A stale CA certificate with the issuer's name but another key, sent beside the real one.
    HeldCertificate root = TestPki.ca("Decoy Root").build();
    HeldCertificate stale = TestPki.ca("Issuing").signedBy(root).build();
    HeldCertificate issuing = TestPki.ca("Issuing").signedBy(root).build();
    HeldCertificate leaf = TestPki.leaf(MX).signedBy(issuing).build();
    List<X509Certificate> chain = List.of(leaf.certificate(), stale.certificate(),
        issuing.certificate(), root.certificate());
    assertThat(new PresentedChain(chain).issuerPaths()).containsExactly(List.of(0, 2, 3));
    assertThat(DaneTaTest.result(chain, TestPki.ta211(stale.certificate())))
        .isEqualTo(new RecordResult.AnchorNotOnPath(1));
    assertThat(DaneTaTest.result(chain, TestPki.ta211(issuing.certificate())))
        .isEqualTo(new RecordResult.Matched(List.of(0, 2), false, MX, MX));
  }

  /** How the record names the root above both copies of the intermediate. */
  enum Anchor { SENT_ROOT_2_1_1, ROOT_KEY_2_1_0, ROOT_CERTIFICATE_2_0_0 }

  /**
   * The server sends an expired and a renewed copy of its intermediate (one key, one name):
   * two issuer paths. Every path is tried, so the renewed copy passes; when both fail, the
   * failure of the first path is the one reported, for every way of naming the anchor.
   */
  @ParameterizedTest(name = "{0}, renewed copy {1}")
  @CsvSource({
    "SENT_ROOT_2_1_1, valid", "SENT_ROOT_2_1_1, not yet valid",
    "ROOT_KEY_2_1_0, valid", "ROOT_KEY_2_1_0, not yet valid",
    "ROOT_CERTIFICATE_2_0_0, valid", "ROOT_CERTIFICATE_2_0_0, not yet valid"})
  void everyIssuerPathIsTriedAndTheFirstPathsFailureIsReported(Anchor anchor, String renewed) {
    HeldCertificate root = TestPki.ca("Two Copies Root").build();
    KeyPair key = KeyType.ECDSA_P256.generate();
    HeldCertificate expired = TestPki.ca("Two Copies").keyPair(key).signedBy(root)
        .validity(TestPki.PAST_FROM, TestPki.PAST_UNTIL).build();
    HeldCertificate copy = TestPki.ca("Two Copies").keyPair(key).signedBy(root)
        .validity(renewed.equals("valid") ? TestPki.FROM : TestPki.FUTURE_FROM,
            TestPki.FUTURE_UNTIL).build();
    HeldCertificate leaf = TestPki.leaf(MX).signedBy(copy).build();
    List<X509Certificate> sent = new ArrayList<>(List.of(leaf.certificate(),
        expired.certificate(), copy.certificate()));
    TlsaRecord record = switch (anchor) {
      case SENT_ROOT_2_1_1 -> TestPki.ta211(root.certificate());
      case ROOT_KEY_2_1_0 ->
          TestPki.tlsa(2, Selector.SPKI, MatchingType.FULL, root.certificate());
      case ROOT_CERTIFICATE_2_0_0 ->
          TestPki.tlsa(2, Selector.CERT, MatchingType.FULL, root.certificate());
    };
    if (anchor == Anchor.SENT_ROOT_2_1_1) {
      sent.add(root.certificate());
    }
    RecordResult expected = !renewed.equals("valid")
        ? new RecordResult.Expired(1, TestPki.PAST_UNTIL)
        : anchor == Anchor.SENT_ROOT_2_1_1
            ? new RecordResult.Matched(List.of(0, 2, 3), false, MX, MX)
            : new RecordResult.Matched(List.of(0, 2), true, MX, MX);
    assertThat(DaneTaTest.result(sent, record)).isEqualTo(expected);
  }

  @Test
  void sameNamedCertificatesWithBrokenSignaturesCannotMultiplyTheWork() {
    // Fifteen CAs named A and B, each claiming the other as issuer, none really signing:
    // without a bound the number of paths would grow factorially.
    HeldCertificate a = TestPki.ca("Loop A").build();
    HeldCertificate b = TestPki.ca("Loop B").build();
    List<X509Certificate> chain = new ArrayList<>();
    chain.add(TestPki.leaf(MX).signedBy(a).build().certificate());
    for (int i = 0; i < 15; i++) {
      HeldCertificate issuer = i % 2 == 0 ? b : a;
      String name = i % 2 == 0 ? "Loop A" : "Loop B";
      chain.add(TestPki.ca(name).signedBy(issuer).build().certificate());
    }
    PresentedChain presented = new PresentedChain(chain);
    assertThat(presented.issuerPaths()).hasSize(PresentedChain.MAX_PATHS);
    assertThat(presented.issuerPaths()).allSatisfy(p ->
        assertThat(p).hasSizeLessThanOrEqualTo(PresentedChain.MAX_CERTIFICATES));
    DaneResult result = DaneTaTest.verify(chain, TestPki.ta211(chain.get(15)));
    assertThat(result.authenticated()).isFalse();
    assertThat(result.records().get(0).result()).isEqualTo(new RecordResult.SignatureBroken(0));
  }

  @Test
  void singleWellOrderedChainHasOnePath() {
    assertThat(new PresentedChain(EC.sentWithRoot()).issuerPaths())
        .containsExactly(List.of(0, 1, 2));
    assertThat(new PresentedChain(List.of()).issuerPaths()).isEmpty();
  }
}
