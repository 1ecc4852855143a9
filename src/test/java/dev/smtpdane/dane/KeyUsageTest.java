package dev.smtpdane.dane;

import static dev.smtpdane.dane.TestPki.MX;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpdane.lab.pki.HeldCertificate;
import dev.smtpdane.lab.pki.KeyType;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * DANE-TA: the leaf's keyUsage, when present, must allow digitalSignature, keyEncipherment or
 * keyAgreement, as OpenSSL's SSL-server purpose check requires (PathChecks#keyUsage). DANE-EE
 * does not look (RFC 7672 §3.1.1).
 */
class KeyUsageTest {
  private static final TestPki.Chain EC = TestPki.chain(KeyType.ECDSA_P256);

  /** Columns: the leaf's keyUsage bits by name ("none": no extension), and what fails. */
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "none, pass",
    "digitalSignature, pass",
    "keyEncipherment, pass",
    "keyAgreement, pass",
    "digitalSignature keyEncipherment, pass",
    "nonRepudiation keyAgreement, pass",
    "nonRepudiation, nonRepudiation",
    "dataEncipherment, dataEncipherment",
    "keyCertSign cRLSign, keyCertSign cRLSign",
    "encipherOnly, encipherOnly"})
  void leafKeyUsageMustAllowATlsServerKey(String usages, String fails) {
    var builder = TestPki.leaf(MX).signedBy(EC.inter());
    HeldCertificate leaf = (usages.equals("none") ? builder.withoutKeyUsage()
        : builder.keyUsage(bits(usages))).build();
    RecordResult r = DaneTaTest.result(List.of(leaf.certificate(), EC.inter().certificate()),
        TestPki.ta211(EC.inter().certificate()));
    if (fails.equals("pass")) {
      assertThat(r.matched()).as(r.explain()).isTrue();
    } else {
      assertThat(r).isEqualTo(new RecordResult.KeyUsageNotTlsServer(List.of(fails.split(" "))));
      assertThat(r.code().code()).isEqualTo("leaf-key-usage-not-tls-server");
    }
  }

  @Test
  void keyUsageBitsBeyondRfc5280AreShownByNumberNotACrash() {
    // RFC 5280 §4.2.1.3 names bits 0 to 8; a hostile leaf may set bit 9 (BC: 1 << 14).
    int bit9 = 1 << 14;
    RecordResult odd = ta(TestPki.leaf(MX).signedBy(EC.inter()).keyUsage(bit9).build());
    assertThat(odd).isEqualTo(new RecordResult.KeyUsageNotTlsServer(List.of("bit 9")));
    RecordResult withSignature = ta(TestPki.leaf(MX).signedBy(EC.inter())
        .keyUsage(bit9 | KeyUsage.digitalSignature).build());
    assertThat(withSignature.matched()).as(withSignature.explain()).isTrue();
  }

  private static RecordResult ta(HeldCertificate leaf) {
    return DaneTaTest.result(List.of(leaf.certificate(), EC.inter().certificate()),
        TestPki.ta211(EC.inter().certificate()));
  }

  @Test
  void daneEeIgnoresKeyUsage_Rfc7672_3_1_1() {
    HeldCertificate leaf = TestPki.leaf(MX).signedBy(EC.inter())
        .keyUsage(KeyUsage.keyCertSign).build();
    List<X509Certificate> chain = List.of(leaf.certificate(), EC.inter().certificate());
    assertThat(DaneTaTest.result(chain, TestPki.ee311(leaf.certificate())).matched()).isTrue();
    assertThat(DaneTaTest.result(chain, TestPki.ta211(EC.inter().certificate())))
        .isEqualTo(new RecordResult.KeyUsageNotTlsServer(List.of("keyCertSign")));
  }

  private static int bits(String names) {
    return Arrays.stream(names.split(" ")).mapToInt(n -> switch (n) {
      case "digitalSignature" -> KeyUsage.digitalSignature;
      case "nonRepudiation" -> KeyUsage.nonRepudiation;
      case "keyEncipherment" -> KeyUsage.keyEncipherment;
      case "dataEncipherment" -> KeyUsage.dataEncipherment;
      case "keyAgreement" -> KeyUsage.keyAgreement;
      case "keyCertSign" -> KeyUsage.keyCertSign;
      case "cRLSign" -> KeyUsage.cRLSign;
      case "encipherOnly" -> KeyUsage.encipherOnly;
      default -> throw new IllegalArgumentException(n);
    }).reduce(0, (a, b) -> a | b);
  }
}
