package dev.smtpdane.dane;

import static dev.smtpdane.dane.TestPki.MX;
import static dev.smtpdane.dane.TestPki.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpdane.lab.pki.HeldCertificate;
import dev.smtpdane.lab.pki.KeyType;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the result says the server presented, certificate by certificate. */
class PresentedCertificateTest {
  private static final TestPki.Chain EC = TestPki.chain(KeyType.ECDSA_P256);

  @ParameterizedTest(name = "DSA with parameters {0}: {1} bits")
  @CsvSource({"true, 2048", "false, 0"})
  void dsaKeyWithInheritedParametersReportsZeroBits_Rfc3279_2_3_2(boolean params, int bits) {
    HeldCertificate dsa = TestPki.leaf(MX).keyPair(KeyType.dsa(params)).signedBy(EC.inter())
        .build();
    List<X509Certificate> chain = List.of(dsa.certificate(), EC.inter().certificate());
    DaneResult result = DaneVerifier.verify(chain, List.of(TestPki.ee311(dsa.certificate()),
        TestPki.ta211(EC.inter().certificate())), List.of(MX), NOW);
    PresentedCertificate leaf = result.chain().get(0);
    assertThat(leaf.keyAlgorithm()).isEqualTo("DSA");
    assertThat(leaf.keyBits()).isEqualTo(bits);
    assertThat(result.records()).allMatch(RecordOutcome::matched);
  }
}
