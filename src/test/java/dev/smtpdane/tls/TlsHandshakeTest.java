package dev.smtpdane.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpdane.lab.pki.HeldCertificate;
import dev.smtpdane.lab.pki.KeyType;
import dev.smtpdane.lab.smtp.LabSmtpServer;
import java.net.Socket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(20)
class TlsHandshakeTest {

  @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
  @CsvSource({
      "mx.example.test.,  mx.example.test",
      "MX.Example.TEST,   mx.example.test",
      "xn--bcher-kva.test, xn--bcher-kva.test",
      "'',                ''",
      "'.',               ''",
      "192.0.2.1,         ''",
      "::1,               ''",
      "bad_name.test,     ''",
      "-mx.example.test,  ''",
      "mx-.example.test,  ''",
      "mx..example.test,  ''",
      "a-b-1.test,        a-b-1.test",
      "bücher.test,       xn--bcher-kva.test",
      "bad!.test,         ''",
  })
  void sniIsTheNameWithoutTrailingDotAndNeverAnAddress_Rfc6066_3(String in, String out) {
    assertThat(TlsHandshake.serverNameFor(in).orElse("")).isEqualTo(out);
  }

  @Test
  void labelsOfUpTo63CharactersAreSent_Rfc1035_2_3_4() {
    String longest = "a".repeat(63);
    assertThat(TlsHandshake.serverNameFor(longest + ".test")).hasValue(longest + ".test");
    assertThat(TlsHandshake.serverNameFor(longest + "a.test")).isEmpty();
  }

  @Test
  void nullNameSendsNoSni() {
    assertThat(TlsHandshake.withServerName(null).serverName()).isEmpty();
  }

  @Test
  void chainSignedWithMd5IsRecordedNotRefused() throws Exception {
    // A plain X509TrustManager would let JSSE abort on the MD5 signature; DANE must see it.
    HeldCertificate ca = HeldCertificate.builder().commonName("Old CA").ca()
        .keyType(KeyType.RSA_2048).build();
    HeldCertificate leaf = HeldCertificate.builder().commonName("old.test")
        .keyType(KeyType.RSA_2048).signedBy(ca).signatureAlgorithm("MD5withRSA").build();
    try (LabSmtpServer server = LabSmtpServer.builder().mode(LabSmtpServer.Mode.TLS_ON_CONNECT)
        .chain(leaf, ca).start()) {
      TlsHandshake handshake = TlsHandshake.withServerName("old.test");
      Socket plain = new Socket(server.address().getAddress(), server.address().getPort());
      plain.setSoTimeout(5000);
      try (SSLSocket tls = handshake.perform(plain)) {
        assertThat(tls.getSession().getPeerCertificates()).hasSize(2);
        assertThat(handshake.session()).hasValueSatisfying(s -> {
          assertThat(s.presentedChain()).containsExactly(leaf.certificate(), ca.certificate());
          assertThat(s.presentedChain().get(0).getSigAlgName()).isEqualTo("MD5withRSA");
        });
      }
    }
  }
}
