package dev.smtpdane.dane;

import static dev.smtpdane.dane.TestPki.MX;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpdane.lab.pki.HeldCertificate;
import dev.smtpdane.lab.pki.KeyType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * MD5 and SHA-1 signatures on a DANE-TA path fail the record (decision documented in {@link
 * SignatureCheck}: RFC 8446 §4.4.2.4, OpenSSL 3 default security level); DANE-EE and a trust
 * anchor's own self-signature are not affected.
 */
class WeakSignatureTest {
  private static final HeldCertificate RSA_ROOT =
      TestPki.ca("RSA Root").keyType(KeyType.RSA_2048).build();
  private static final HeldCertificate EC_ROOT = TestPki.ca("EC Root").build();

  @ParameterizedTest(name = "{1}-signed leaf")
  @CsvSource({
    "RSA, MD5withRSA, true",
    "RSA, SHA1withRSA, true",
    "EC, SHA1withECDSA, true",
    "RSA, SHA256withRSA, false",
    "EC, SHA256withECDSA, false"
  })
  void daneTaRejectsMd5AndSha1SignaturesOnThePath(String issuerKey, String algorithm,
      boolean weak) {
    HeldCertificate issuer = issuerKey.equals("RSA") ? RSA_ROOT : EC_ROOT;
    HeldCertificate leaf = TestPki.leaf(MX).signedBy(issuer).signatureAlgorithm(algorithm).build();
    List<java.security.cert.X509Certificate> chain =
        List.of(leaf.certificate(), issuer.certificate());
    RecordResult ta = DaneTaTest.result(chain, TestPki.ta211(issuer.certificate()));
    if (weak) {
      assertThat(ta).isInstanceOfSatisfying(RecordResult.WeakSignature.class, w -> {
        assertThat(w.position()).isZero();
        assertThat(ta.code().code()).isEqualTo("chain-signature-weak");
      });
    } else {
      assertThat(ta).isEqualTo(new RecordResult.Matched(List.of(0, 1), false, MX, MX));
    }
    // DANE-EE checks no signature at all (RFC 7672 §3.1.1).
    assertThat(DaneTaTest.verify(chain, TestPki.ee311(leaf.certificate())).authenticated())
        .isTrue();
  }

  @Test
  void sha1SignedIntermediateFailsAtItsPosition() {
    HeldCertificate inter = TestPki.ca("SHA-1 Inter").keyType(KeyType.RSA_2048)
        .signedBy(RSA_ROOT).signatureAlgorithm("SHA1withRSA").build();
    HeldCertificate leaf = TestPki.leaf(MX).signedBy(inter).build();
    RecordResult r = DaneTaTest.result(
        List.of(leaf.certificate(), inter.certificate(), RSA_ROOT.certificate()),
        TestPki.ta211(RSA_ROOT.certificate()));
    assertThat(r).isEqualTo(new RecordResult.WeakSignature(1, "SHA1withRSA"));
    // Anchored on the intermediate itself, its own SHA-1 signature is never checked.
    assertThat(DaneTaTest.result(List.of(leaf.certificate(), inter.certificate()),
        TestPki.ta211(inter.certificate())))
        .isEqualTo(new RecordResult.Matched(List.of(0, 1), false, MX, MX));
  }

  @Test
  void trustAnchorsOwnSha1SelfSignatureDoesNotMatter() {
    HeldCertificate oldRoot = TestPki.ca("Old SHA-1 Root").keyType(KeyType.RSA_2048)
        .signatureAlgorithm("SHA1withRSA").build();
    HeldCertificate leaf = TestPki.leaf(MX).signedBy(oldRoot).build();
    assertThat(DaneTaTest.result(List.of(leaf.certificate(), oldRoot.certificate()),
        TestPki.ta211(oldRoot.certificate())))
        .isEqualTo(new RecordResult.Matched(List.of(0, 1), false, MX, MX));
  }

  @Test
  void fullKeyAnchorSigningWithMd5Fails() {
    HeldCertificate leaf = TestPki.leaf(MX).signedBy(RSA_ROOT).signatureAlgorithm("MD5withRSA")
        .build();
    TlsaRecord key = TestPki.tlsa(2, Selector.SPKI, MatchingType.FULL, RSA_ROOT.certificate());
    assertThat(DaneTaTest.result(List.of(leaf.certificate()), key))
        .isEqualTo(new RecordResult.WeakSignature(0, "MD5withRSA"));
  }

  @Test
  void pathPrefersStrongSignatureWhenServerSendsBothCopiesOfAnIntermediate() {
    java.security.KeyPair key = KeyType.RSA_2048.generate();
    HeldCertificate sha1 = TestPki.ca("Twice Sent").keyPair(key).signedBy(RSA_ROOT)
        .signatureAlgorithm("SHA1withRSA").build();
    HeldCertificate sha256 = TestPki.ca("Twice Sent").keyPair(key).signedBy(RSA_ROOT).build();
    HeldCertificate leaf = TestPki.leaf(MX).signedBy(sha256).build();
    RecordResult r = DaneTaTest.result(List.of(leaf.certificate(), sha1.certificate(),
        sha256.certificate(), RSA_ROOT.certificate()), TestPki.ta211(RSA_ROOT.certificate()));
    assertThat(r).isEqualTo(new RecordResult.Matched(List.of(0, 2, 3), false, MX, MX));
  }
}
