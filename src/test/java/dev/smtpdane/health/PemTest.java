package dev.smtpdane.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpdane.lab.pki.HeldCertificate;
import dev.smtpdane.lab.pki.KeyType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Pem}: -showcerts output and tolerant reading of CA bundles. */
class PemTest {
  private static final HeldCertificate A =
      HeldCertificate.builder().commonName("A").keyType(KeyType.RSA_2048).build();
  private static final HeldCertificate B = HeldCertificate.builder().commonName("B").build();

  @Test
  void encodesRfc7468BlocksThatDecodeToTheSameCertificate() {
    String pem = Pem.encode(A.certificate());
    assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----\n")
        .endsWith("\n-----END CERTIFICATE-----\n");
    assertThat(pem.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(64));
    assertThat(Pem.certificates(pem)).containsExactly(A.certificate());
  }

  @Test
  void chainIsConcatenatedInOrder() {
    String pem = Pem.encode(List.of(B.certificate(), A.certificate()));
    assertThat(Pem.certificates(pem)).containsExactly(B.certificate(), A.certificate());
  }

  @Test
  void badBlocksAreSkippedWithoutHidingGoodOnes() {
    String bundle = "# comment\n" + Pem.encode(A.certificate())
        + "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n" // not DER
        + "-----BEGIN CERTIFICATE-----\n!!notbase64!!\n-----END CERTIFICATE-----\n"
        + "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"
        + "junk\u0000\u00ff" + Pem.encode(B.certificate()).replace("\n", "\r\n");
    assertThat(Pem.certificates(bundle)).containsExactly(A.certificate(), B.certificate());
  }

  @Test
  void textWithoutCertificatesGivesNone() {
    assertThat(Pem.certificates("")).isEmpty();
    assertThat(Pem.certificates("-----BEGIN CERTIFICATE-----\nAAAA")).isEmpty();
  }
}
