package dev.smtpdane.smtp;

import static dev.smtpdane.smtp.Probes.HELO;
import static dev.smtpdane.smtp.Probes.INTERMEDIATE;
import static dev.smtpdane.smtp.Probes.LEAF;
import static dev.smtpdane.smtp.Probes.MX;
import static dev.smtpdane.smtp.Probes.completed;
import static dev.smtpdane.smtp.Probes.failed;
import static dev.smtpdane.smtp.Probes.request;
import static dev.smtpdane.smtp.Probes.server;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpdane.lab.smtp.Behaviour;
import dev.smtpdane.lab.smtp.LabSmtpServer;
import dev.smtpdane.lab.smtp.LabSmtpServer.Mode;
import dev.smtpdane.report.FindingCode;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(20)
class TlsOnConnectSessionTest {

  @Test
  void tlsOnConnectHandshakesFirstThenGreetsAndEhlos_Rfc8314_3_3() throws Exception {
    try (LabSmtpServer server = server().mode(Mode.TLS_ON_CONNECT).start()) {
      var done = completed(SmtpProbe.run(request(server, true)));
      assertThat(done.tls().presentedChain())
          .containsExactly(LEAF.certificate(), INTERMEDIATE.certificate());
      assertThat(done.tls().protocol()).isEqualTo("TLSv1.3");
      assertThat(done.tls().serverName()).contains(MX);
      assertThat(done.greeting()).isEqualTo(MX + " ESMTP smtpdane lab");
      assertThat(done.ehloKeywords()).isEmpty();
      assertThat(done.ehloKeywordsAfterTls()).contains("8BITMIME").doesNotContain("STARTTLS");
      var t = server.lastTranscript();
      assertThat(t.awaitEnd(Duration.ofSeconds(5))).isTrue();
      assertThat(t.serverName()).contains(MX);
      // The EHLO argument is -helo, never the server's host name.
      assertThat(t.commands()).containsExactly("EHLO " + HELO, "QUIT");
    }
  }

  @Test
  void plaintextOnTlsOnConnectPortIsAClearError() throws Exception {
    try (LabSmtpServer server = server().mode(Mode.STARTTLS).start()) {
      var f = failed(SmtpProbe.run(request(server, true)));
      assertThat(f.stage()).isEqualTo(Stage.HANDSHAKE);
      assertThat(f.code()).isEqualTo(FindingCode.PROTOCOL_ERROR);
      assertThat(f.message()).contains("plaintext", "without -tls-on-connect");
    }
  }

  @Test
  void tlsOnStartTlsPortEndsWithinTheReadTimeout() throws Exception {
    try (LabSmtpServer server = server().mode(Mode.TLS_ON_CONNECT).start()) {
      var f = failed(SmtpProbe.run(request(server, false)));
      assertThat(f.stage()).isEqualTo(Stage.GREETING);
      assertThat(f.code()).isEqualTo(FindingCode.TIMEOUT);
      assertThat(f.message()).contains("try -tls-on-connect");
    }
  }

  @Test
  void ehloRefusedAfterTlsOnConnectCarriesTheTlsSession() throws Exception {
    try (LabSmtpServer server = server().mode(Mode.TLS_ON_CONNECT)
        .behaviour(Behaviour.REFUSE_EHLO_AFTER_TLS).start()) {
      var f = failed(SmtpProbe.run(request(server, true)));
      assertThat(f.stage()).isEqualTo(Stage.AFTER_TLS);
      assertThat(f.code()).isEqualTo(FindingCode.EHLO_FAILED);
      assertThat(f.message()).contains("554 5.7.0");
      assertThat(f.partial()).hasValueSatisfying(
          tls -> assertThat(tls.presentedChain()).first().isEqualTo(LEAF.certificate()));
    }
  }

  @ParameterizedTest(name = "{0} tlsOnConnect={1}")
  @CsvSource({"127.0.0.1, false", "127.0.0.9, false", "127.0.0.9, true", "::1, false",
      "::1, true"})
  void sessionsWorkOnAnyLoopbackAddress(String bind, boolean tlsOnConnect) throws Exception {
    if (bind.contains(":")) {
      Assumptions.assumeTrue(canBind(bind), "IPv6 loopback ::1 cannot be bound here");
    }
    try (LabSmtpServer server = server().bindAddress(bind)
        .mode(tlsOnConnect ? Mode.TLS_ON_CONNECT : Mode.STARTTLS).start()) {
      assertThat(server.address().getAddress()).isEqualTo(InetAddress.getByName(bind));
      var done = completed(SmtpProbe.run(request(server, tlsOnConnect)));
      assertThat(done.tls().presentedChain()).first().isEqualTo(LEAF.certificate());
      assertThat(server.lastTranscript().serverName()).contains(MX);
    }
  }

  private static boolean canBind(String literal) {
    try {
      new java.net.ServerSocket(0, 1, InetAddress.getByName(literal)).close();
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
