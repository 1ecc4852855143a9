package dev.smtpdane.smtp;

import static dev.smtpdane.smtp.Probes.INTERMEDIATE;
import static dev.smtpdane.smtp.Probes.LEAF;
import static dev.smtpdane.smtp.Probes.MX;
import static dev.smtpdane.smtp.Probes.failed;
import static dev.smtpdane.smtp.Probes.request;
import static dev.smtpdane.smtp.Probes.server;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpdane.lab.pki.HeldCertificate;
import dev.smtpdane.lab.pki.KeyType;
import dev.smtpdane.lab.smtp.Behaviour;
import dev.smtpdane.lab.smtp.LabSmtpServer;
import dev.smtpdane.report.FindingCode;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(20)
class HandshakeFailureTest {

  @ParameterizedTest(name = "{0}, tlsOnConnect={1}")
  @CsvSource({"ECDSA_P256, false", "ECDSA_P256, true", "ECDSA_P384, false", "RSA_2048, false"})
  void handshakeFailingAfterCertificateKeepsThePresentedChain(KeyType type, boolean tlsOnConnect)
      throws Exception {
    // The server sends a leaf but signs its CertificateVerify with another key (RFC 8446
    // §4.4.3): the chain was seen, then TLS broke. Nothing may pass without the leaf's key,
    // whichever provider verifies the signature (P-256 and P-384: tls.BcEcProvider).
    HeldCertificate leaf = type == KeyType.ECDSA_P256 ? LEAF : HeldCertificate.builder()
        .commonName(MX).dnsNames(MX).keyType(type).signedBy(INTERMEDIATE).build();
    var wrongKey = type.generate().getPrivate();
    try (LabSmtpServer server = server().chain(List.of(leaf.certificate()), wrongKey)
        .mode(tlsOnConnect ? LabSmtpServer.Mode.TLS_ON_CONNECT : LabSmtpServer.Mode.STARTTLS)
        .start()) {
      var f = failed(SmtpProbe.run(request(server, tlsOnConnect)));
      assertThat(f.stage()).isEqualTo(Stage.HANDSHAKE);
      assertThat(f.code()).isEqualTo(FindingCode.HANDSHAKE_FAILED);
      // Our side found the signature bad (not the server giving up after its Certificate).
      assertThat(f.message()).startsWith("TLS handshake failed: the server's handshake"
          + " signature does not verify with the key in the certificate it sent")
          .endsWith("(Invalid CertificateVerify signature)");
      assertThat(f.partial()).hasValueSatisfying(tls -> {
        assertThat(tls.presentedChain()).containsExactly(leaf.certificate());
        assertThat(tls.protocol()).isEqualTo("TLSv1.3");
      });
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "TLS 1.2 ECDHE, ECDSA_P256, 2048, TLSv1.2, Invalid ECDH ServerKeyExchange signature",
      "TLS 1.2 RSA key, RSA_2048, 2048, TLSv1.2, Invalid ECDH ServerKeyExchange signature",
      "a 2048-bit key behind a 4096-bit certificate, RSA_4096, 2048, TLSv1.3,"
          + " Cannot verify CertificateVerify signature",
  })
  void everyFormOfABadServerSignatureIsNamedAsOne(String name, KeyType type, int rsaBits,
      String protocol, String jsse) throws Exception {
    // TLS 1.2 signs the ServerKeyExchange (RFC 8422 §5.4); a key of another size cannot even
    // be checked. Either way the server has not shown it holds its certificate's key.
    HeldCertificate leaf = HeldCertificate.builder().commonName(MX).dnsNames(MX).keyType(type)
        .signedBy(INTERMEDIATE).build();
    var wrongKey = (type == KeyType.ECDSA_P256 ? type.generate() : KeyType.rsa(rsaBits))
        .getPrivate();
    try (LabSmtpServer server = server().chain(List.of(leaf.certificate()), wrongKey)
        .protocols(protocol).start()) {
      var f = failed(SmtpProbe.run(request(server, false)));
      assertThat(f.code()).isEqualTo(FindingCode.HANDSHAKE_FAILED);
      assertThat(f.message()).startsWith("TLS handshake failed: the server's handshake"
          + " signature does not verify with the key in the certificate it sent")
          .endsWith("(" + jsse + ")");
    }
  }

  @ParameterizedTest(name = "tlsOnConnect={0}")
  @ValueSource(booleans = {false, true})
  void serversFatalAlertIsNamedWithAHint(boolean tlsOnConnect) throws Exception {
    try (LabSmtpServer server = server().behaviour(Behaviour.HANDSHAKE_ALERT)
        .mode(tlsOnConnect ? LabSmtpServer.Mode.TLS_ON_CONNECT : LabSmtpServer.Mode.STARTTLS)
        .start()) {
      var f = failed(SmtpProbe.run(request(server, tlsOnConnect)));
      assertThat(f.stage()).isEqualTo(Stage.HANDSHAKE);
      assertThat(f.code()).isEqualTo(FindingCode.HANDSHAKE_FAILED);
      assertThat(f.message()).isEqualTo("TLS handshake failed: the server sent the fatal alert"
          + " handshake_failure (no cipher suite or key exchange in common)");
      assertThat(f.partial()).isEmpty();
    }
  }
}
