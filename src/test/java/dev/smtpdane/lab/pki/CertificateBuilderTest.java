package dev.smtpdane.lab.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SignatureException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class CertificateBuilderTest {

  @ParameterizedTest
  @EnumSource(value = KeyType.class, names = {"RSA_2048", "ECDSA_P256", "ED25519"})
  void chainOfRootIntermediateLeafVerifies(KeyType type) throws Exception {
    HeldCertificate root = HeldCertificate.builder().commonName("Root").keyType(type).ca().build();
    HeldCertificate inter =
        HeldCertificate.builder().commonName("Inter").keyType(type).ca(0).signedBy(root).build();
    HeldCertificate leaf =
        HeldCertificate.builder().commonName("mx.example.test").dnsNames("mx.example.test")
            .keyType(type).signedBy(inter).build();

    root.certificate().verify(root.keyPair().getPublic());
    inter.certificate().verify(root.keyPair().getPublic());
    leaf.certificate().verify(inter.keyPair().getPublic());
    assertThat(inter.certificate().getBasicConstraints()).isEqualTo(0);
    assertThat(leaf.certificate().getBasicConstraints()).isEqualTo(-1);
    assertThat(leaf.certificate().getSubjectAlternativeNames())
        .containsExactly(List.of(2, "mx.example.test"));
    assertThat(leaf.certificate().getIssuerX500Principal())
        .isEqualTo(inter.certificate().getSubjectX500Principal());
  }

  @Test
  void brokenSignatureDoesNotVerify() {
    HeldCertificate root = HeldCertificate.builder().commonName("Root").ca().build();
    HeldCertificate leaf =
        HeldCertificate.builder().commonName("mx").signedBy(root).brokenSignature().build();
    assertThatThrownBy(() -> leaf.certificate().verify(root.keyPair().getPublic()))
        .isInstanceOf(SignatureException.class);
  }

  @Test
  void validityWindowAndMd5SignatureAreAsRequested() {
    Instant from = Instant.parse("2020-01-01T00:00:00Z");
    HeldCertificate root =
        HeldCertificate.builder().commonName("Root").keyType(KeyType.RSA_2048).ca().build();
    HeldCertificate leaf =
        HeldCertificate.builder().commonName("old").keyType(KeyType.RSA_2048).signedBy(root)
            .signatureAlgorithm("MD5withRSA").validity(from, from.plus(Duration.ofDays(1)))
            .build();
    assertThat(leaf.certificate().getNotBefore().toInstant()).isEqualTo(from);
    assertThat(leaf.certificate().getSigAlgName()).isEqualToIgnoringCase("MD5withRSA");
  }

  @Test
  void keyUsageCanBeChosenOrOmittedAndAnyExtensionAdded() {
    HeldCertificate chosen = HeldCertificate.builder().commonName("ku")
        .keyUsage(org.bouncycastle.asn1.x509.KeyUsage.keyEncipherment)
        .extension("1.3.6.1.4.1.55555.1", true, org.bouncycastle.asn1.DERNull.INSTANCE).build();
    HeldCertificate none = HeldCertificate.builder().commonName("none").withoutKeyUsage().build();
    assertThat(chosen.certificate().getKeyUsage()).startsWith(false, false, true, false);
    assertThat(chosen.certificate().getCriticalExtensionOIDs()).contains("1.3.6.1.4.1.55555.1");
    assertThat(none.certificate().getKeyUsage()).isNull();
  }
}
