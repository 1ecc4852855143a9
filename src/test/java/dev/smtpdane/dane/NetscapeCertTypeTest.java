package dev.smtpdane.dane;

import static dev.smtpdane.dane.TestPki.MX;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpdane.lab.pki.CertificateBuilder;
import dev.smtpdane.lab.pki.KeyType;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERNull;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * DANE-TA: a leaf with a Netscape cert type extension must allow sslServer, as OpenSSL's
 * SSL-server purpose check requires ({@code ns_reject(x, NS_SSL_SERVER)} in
 * crypto/x509/v3_purp.c, NetscapeCertType). DANE-EE does not look (RFC 7672 §3.1.1).
 */
class NetscapeCertTypeTest {
  private static final TestPki.Chain EC = TestPki.chain(KeyType.ECDSA_P256);

  /** Columns: the first octet of nsCertType ("none": no extension), and what fails. */
  @ParameterizedTest(name = "nsCertType {0}: {1}")
  @CsvSource({
    "none, pass",
    "0x40, pass",
    "0xC0, pass",
    "0xE4, pass",
    "0x80, sslClient",
    "0x20, smime",
    "0xA4, sslClient smime sslCA",
    "0x00, ''"})
  void leafNetscapeCertTypeMustAllowSslServer(String octet, String fails) {
    CertificateBuilder b = TestPki.leaf(MX).signedBy(EC.inter());
    if (!octet.equals("none")) {
      b.extension(NetscapeCertType.OID, false,
          new DERBitString(new byte[] {(byte) Integer.parseInt(octet.substring(2), 16)}));
    }
    RecordResult r = taResult(b.build().certificate());
    if (fails.equals("pass")) {
      assertThat(r.matched()).as(r.explain()).isTrue();
    } else {
      List<String> types = fails.isEmpty() ? List.of() : Arrays.asList(fails.split(" "));
      assertThat(r).isEqualTo(new RecordResult.NsCertTypeNotServer(types));
      assertThat(r.code().code()).isEqualTo("leaf-ns-cert-type-not-server");
    }
  }

  @Test
  void unreadableNetscapeCertTypeFails() {
    X509Certificate leaf = TestPki.leaf(MX).signedBy(EC.inter())
        .extension(NetscapeCertType.OID, false, DERNull.INSTANCE).build().certificate();
    assertThat(taResult(leaf)).isEqualTo(new RecordResult.NsCertTypeNotServer(List.of()));
  }

  @Test
  void daneEeIgnoresNetscapeCertType_Rfc7672_3_1_1() {
    X509Certificate leaf = TestPki.leaf(MX).signedBy(EC.inter())
        .extension(NetscapeCertType.OID, false, new DERBitString(new byte[] {(byte) 0x80}))
        .build().certificate();
    List<X509Certificate> chain = List.of(leaf, EC.inter().certificate());
    assertThat(DaneTaTest.result(chain, TestPki.ee311(leaf)).matched()).isTrue();
    RecordResult ta = taResult(leaf);
    assertThat(ta).isEqualTo(new RecordResult.NsCertTypeNotServer(List.of("sslClient")));
    assertThat(ta.explain()).contains("nsCertType", "allows only sslClient, not sslServer",
        "publish 3 1 1");
  }

  private static RecordResult taResult(X509Certificate leaf) {
    return DaneTaTest.result(List.of(leaf, EC.inter().certificate()),
        TestPki.ta211(EC.inter().certificate()));
  }
}
