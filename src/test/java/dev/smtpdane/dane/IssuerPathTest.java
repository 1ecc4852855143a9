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
