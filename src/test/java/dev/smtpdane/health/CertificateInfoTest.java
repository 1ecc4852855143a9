package dev.smtpdane.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smtpdane.lab.pki.HeldCertificate;
import dev.smtpdane.lab.pki.KeyType;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link CertificateInfo}: what -show-cert-info prints per certificate. */
class CertificateInfoTest {
  private static final HeldCertificate CA = HeldCertificate.builder().commonName("Info CA")
      .ca().keyType(KeyType.RSA_2048).build();

  private static String sha256(byte[] data) throws Exception {
    return HexFormat.of().withUpperCase()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(data));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "RSA_2048, RSA 2048, SHA256withRSA",
    "ECDSA_P256, EC P-256, SHA256withECDSA",
    "ECDSA_P384, EC P-384, SHA256withECDSA",
    "ED25519, Ed25519, Ed25519"})
  void keyTypeAndSizeAndSignatureAlgorithm(KeyType type, String key, String signature) {
    HeldCertificate self = HeldCertificate.builder().commonName("k").keyType(type).build();
    CertificateInfo info = CertificateInfo.of(0, self.certificate());
    assertThat(info.publicKey()).isEqualTo(key);
    assertThat(info.signatureAlgorithm()).isEqualTo(signature);
  }

  @Test
  void everyFieldOfALeaf() throws Exception {
    Instant from = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    Instant until = from.plus(90, ChronoUnit.DAYS);
    HeldCertificate leaf = HeldCertificate.builder().subject("O=Lab,CN=mx.info.test") // DER order
        .dnsNames("mx.info.test", "*.info.test").validity(from, until)
        .serial(new java.math.BigInteger("0abc", 16)).signedBy(CA).build();

    CertificateInfo info = CertificateInfo.of(List.of(leaf.certificate(), CA.certificate()))
        .get(0);

    assertThat(info.position()).isZero();
    assertThat(info.subject()).isEqualTo("CN=mx.info.test,O=Lab");
    assertThat(info.issuer()).isEqualTo("CN=Info CA");
    assertThat(info.subjectAltNames()).containsExactly("DNS:mx.info.test", "DNS:*.info.test");
    assertThat(info.dnsNames()).containsExactly("mx.info.test", "*.info.test");
    assertThat(info.notBefore()).isEqualTo(from);
    assertThat(info.notAfter()).isEqualTo(until);
    assertThat(info.publicKey()).isEqualTo("EC P-256");
    assertThat(info.signatureAlgorithm()).isEqualTo("SHA256withRSA");
    assertThat(info.serialHex()).isEqualTo("0ABC");
    // Independent of the code under test: Bouncy Castle's view of the SPKI bytes.
    assertThat(info.spkiSha256()).isEqualTo(sha256(new JcaX509CertificateHolder(
        leaf.certificate()).getSubjectPublicKeyInfo().getEncoded()));
    assertThat(info.certificateSha256()).isEqualTo(sha256(leaf.certificate().getEncoded()));
  }

  @Test
  void positionsFollowTheChainAsSent() {
    HeldCertificate leaf = HeldCertificate.builder().commonName("p").signedBy(CA).build();
    assertThat(CertificateInfo.of(List.of(leaf.certificate(), CA.certificate(),
        leaf.certificate()))).extracting(CertificateInfo::position).containsExactly(0, 1, 2);
  }

  @ParameterizedTest(name = "DSA with parameters {0}: {1}")
  @CsvSource({"true, DSA 2048", "false, DSA"})
  void dsaKeyWithInheritedParametersHasNoSize_Rfc3279_2_3_2(boolean params, String key) {
    HeldCertificate dsa = HeldCertificate.builder().commonName("d").keyPair(KeyType.dsa(params))
        .signedBy(CA).build();
    assertThat(CertificateInfo.of(0, dsa.certificate()).publicKey()).isEqualTo(key);
  }

  @Test
  void certificateWithoutSansHasNone() {
    assertThat(CertificateInfo.of(0, CA.certificate()).subjectAltNames()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"RSA_2048", "ECDSA_P384", "ED25519"})
  void spkiIsCutExactlyAsEncodedInTheCertificate_Rfc6698_2_1_2(KeyType type) throws Exception {
    HeldCertificate c = HeldCertificate.builder().commonName("s").keyType(type).build();
    byte[] expected = new JcaX509CertificateHolder(c.certificate()).getSubjectPublicKeyInfo()
        .getEncoded();
    assertThat(SubjectPublicKeyInfo.cut(c.certificate().getEncoded())).isEqualTo(expected);
  }

  @Test
  void truncatedOrForeignDerIsRejectedCleanly() throws Exception {
    byte[] der = CA.certificate().getEncoded();
    assertThatThrownBy(() -> SubjectPublicKeyInfo.cut(Arrays.copyOf(der, 40)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SubjectPublicKeyInfo.cut(new byte[] {0x04, 0x00}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SubjectPublicKeyInfo.cut(new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
