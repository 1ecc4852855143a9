package dev.smtpdane.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpdane.lab.pki.HeldCertificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TlsSessionTest {

  private static TlsSession session(String protocol, String suite) {
    return new TlsSession(protocol, suite, List.of(), List.of(), Optional.empty());
  }

  @ParameterizedTest(name = "{0} legacy={1}")
  @CsvSource({"TLSv1, true", "TLSv1.1, true", "SSLv3, true", "TLSv1.2, false",
      "TLSv1.3, false"})
  void protocolsBeforeTls12AreLegacy_Rfc8996(String protocol, boolean legacy) {
    assertThat(session(protocol, "TLS_AES_128_GCM_SHA256").legacyProtocol()).isEqualTo(legacy);
  }

  @ParameterizedTest(name = "{0} anonymous={1}")
  @CsvSource({"TLS_DH_anon_WITH_AES_128_CBC_SHA, true", "TLS_ECDH_anon_WITH_NULL_SHA, true",
      "SSL_RSA_WITH_NULL_SHA256, false", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, false",
      "TLS_AES_256_GCM_SHA384, false"})
  void anonymousSuitesAreRecognised_Rfc7672_2_2(String suite, boolean anonymous) {
    assertThat(session("TLSv1.2", suite).anonymousCipher()).isEqualTo(anonymous);
  }

  @Test
  void isImmutable() {
    X509Certificate cert = HeldCertificate.builder().commonName("a.test").build().certificate();
    List<X509Certificate> chain = new ArrayList<>(List.of(cert));
    byte[] staple = {1, 2, 3};
    TlsSession s = new TlsSession("TLSv1.3", "TLS_AES_128_GCM_SHA256", chain,
        List.of(staple), Optional.of("a.test"));
    chain.clear();
    staple[0] = 9;
    s.stapledOcsp().get(0)[1] = 9;
    assertThat(s.presentedChain()).containsExactly(cert);
    assertThat(s.stapledOcsp().get(0)).containsExactly(1, 2, 3);
    assertThat(s.toString()).contains("TLSv1.3", "CN=a.test", "staples=1");
  }
}
