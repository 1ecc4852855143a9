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

import dev.smtpdane.lab.pki.HeldCertificate;
import dev.smtpdane.lab.smtp.Behaviour;
import dev.smtpdane.lab.smtp.LabSmtpServer;
import dev.smtpdane.lab.smtp.LabTranscript;
import dev.smtpdane.report.FindingCode;
import dev.smtpdane.report.Severity;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class StartTlsSessionTest {

  @Test
  void startTlsSessionCapturesChainExactlyAsSent_Rfc3207_4() throws Exception {
    try (LabSmtpServer server = server().greeting("220-" + MX + " hello", "220 ESMTP").start()) {
      var done = completed(SmtpProbe.run(request(server, false)));

      assertThat(done.tls().presentedChain())
          .containsExactly(LEAF.certificate(), INTERMEDIATE.certificate());
      assertThat(done.tls().protocol()).isEqualTo("TLSv1.3");
      assertThat(done.tls().cipherSuite()).startsWith("TLS_");
      assertThat(done.greeting()).isEqualTo(MX + " hello\nESMTP");
      assertThat(done.ehloKeywords()).contains("PIPELINING", "STARTTLS");
      assertThat(done.ehloKeywordsAfterTls()).contains("PIPELINING").doesNotContain("STARTTLS");
      assertThat(done.findings()).isEmpty();
      LabTranscript t = server.lastTranscript();
      assertThat(t.awaitEnd(Duration.ofSeconds(5))).isTrue();
      assertThat(t.commands())
          .containsExactly("EHLO " + HELO, "STARTTLS", "EHLO " + HELO, "QUIT");
    }
  }

  @Test
  void sniIsTheTlsaBaseDomainWithoutTrailingDot_Rfc7672_8_1() throws Exception {
    try (LabSmtpServer server = server().start()) {
      var done = completed(SmtpProbe.run(request(server.address(), "MX.Example.TEST.", false)));
      assertThat(done.tls().serverName()).contains(MX);
      assertThat(server.lastTranscript().serverName()).contains(MX);
    }
  }

  @Test
  void serverChoosesItsChainBySni() throws Exception {
    HeldCertificate other = HeldCertificate.builder().commonName("other.test").build();
    try (LabSmtpServer server = server().chainForSni("other.test.", other).start()) {
      var byName = completed(SmtpProbe.run(request(server.address(), "other.test", false)));
      var byDefault = completed(SmtpProbe.run(request(server.address(), MX, false)));
      assertThat(byName.tls().presentedChain()).containsExactly(other.certificate());
      assertThat(byDefault.tls().presentedChain()).first().isEqualTo(LEAF.certificate());
    }
  }

  @Test
  void withoutSniNameNoSniIsSent() throws Exception {
    try (LabSmtpServer server = server().start()) {
      var done = completed(SmtpProbe.run(request(server.address(), null, false)));
      assertThat(done.tls().serverName()).isEmpty();
      assertThat(server.lastTranscript().requestedServerNames()).isEmpty();
    }
  }

  @Test
  void tls12ProtocolAndCipherAreRecorded() throws Exception {
    try (LabSmtpServer server = server().protocols("TLSv1.2")
        .cipherSuites("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256").start()) {
      var done = completed(SmtpProbe.run(request(server, false)));
      assertThat(done.tls().protocol()).isEqualTo("TLSv1.2");
      assertThat(done.tls().cipherSuite()).isEqualTo("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
      assertThat(done.tls().presentedChain()).hasSize(2);
    }
  }

  @Test
  void starttlsKeywordIsCaseInsensitive_Rfc5321_2_4() throws Exception {
    try (LabSmtpServer server = server().starttlsKeyword("starttls").start()) {
      completed(SmtpProbe.run(request(server, false)));
    }
  }

  @Test
  void missingStarttlsKeywordFailsBeforeSendingStarttls_Rfc3207_4() throws Exception {
    try (LabSmtpServer server = server().behaviour(Behaviour.NO_STARTTLS).start()) {
      var f = failed(SmtpProbe.run(request(server, false)));
      assertThat(f.stage()).isEqualTo(Stage.STARTTLS);
      assertThat(f.code()).isEqualTo(FindingCode.STARTTLS_NOT_OFFERED);
      assertThat(f.message()).contains("PIPELINING, SIZE 10240000, 8BITMIME");
      assertThat(f.partial()).isEmpty();
      server.lastTranscript().awaitEnd(Duration.ofSeconds(5));
      assertThat(server.lastTranscript().commands()).containsExactly("EHLO " + HELO, "QUIT");
    }
  }

  @Test
  void starttlsAnswered454IsRefused() throws Exception {
    try (LabSmtpServer server = server().behaviour(Behaviour.STARTTLS_454).start()) {
      var f = failed(SmtpProbe.run(request(server, false)));
      assertThat(f.stage()).isEqualTo(Stage.STARTTLS);
      assertThat(f.code()).isEqualTo(FindingCode.STARTTLS_REFUSED);
      assertThat(f.message())
          .isEqualTo("STARTTLS answered 454 4.7.0 TLS not available due to temporary reason");
    }
  }

  @Test
  void ehloRefusedFallsBackToHeloWhichOffersNoStarttls_Rfc5321_4_1_4() throws Exception {
    try (LabSmtpServer server = server().behaviour(Behaviour.EHLO_REFUSED).start()) {
      var f = failed(SmtpProbe.run(request(server, false)));
      assertThat(f.code()).isEqualTo(FindingCode.STARTTLS_NOT_OFFERED);
      server.lastTranscript().awaitEnd(Duration.ofSeconds(5));
      assertThat(server.lastTranscript().commands()).startsWith("EHLO " + HELO, "HELO " + HELO);
    }
  }

  @Test
  void plaintextPipelinedAfterStarttls220IsDiscardedAndReported_Rfc3207_5() throws Exception {
    try (LabSmtpServer server = server().behaviour(Behaviour.INJECT_AFTER_STARTTLS).start()) {
      var done = completed(SmtpProbe.run(request(server, false)));
      assertThat(done.findings()).singleElement().satisfies(finding -> {
        assertThat(finding.code()).isEqualTo(FindingCode.STARTTLS_INJECTION);
        assertThat(finding.severity()).isEqualTo(Severity.ERROR);
        assertThat(finding.message()).contains("250 injected-before-tls");
      });
      // The injected reply was not taken as the answer to our EHLO inside TLS.
      assertThat(done.ehloKeywordsAfterTls()).contains("PIPELINING");
    }
  }

  @Test
  void cleanSessionReportsNoInjection() throws Exception {
    try (LabSmtpServer server = server().start()) {
      assertThat(completed(SmtpProbe.run(request(server, false))).findings()).isEmpty();
    }
  }

  @Test
  void ehloRefusedInsideTlsStillCarriesTheTlsSession() throws Exception {
    try (LabSmtpServer server = server().behaviour(Behaviour.REFUSE_EHLO_AFTER_TLS).start()) {
      var f = failed(SmtpProbe.run(request(server, false)));
      assertThat(f.stage()).isEqualTo(Stage.AFTER_TLS);
      assertThat(f.code()).isEqualTo(FindingCode.EHLO_FAILED);
      assertThat(f.partial()).hasValueSatisfying(tls -> assertThat(tls.presentedChain())
          .containsExactly(LEAF.certificate(), INTERMEDIATE.certificate()));
    }
  }

  @Test
  void refusedConnectionIsAConnectFailure() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    var f = failed(SmtpProbe.run(request(
        new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), MX,
        false)));
    assertThat(f.stage()).isEqualTo(Stage.CONNECT);
    assertThat(f.code()).isEqualTo(FindingCode.CONNECT_FAILED);
    assertThat(f.message()).contains("connection refused");
  }
}
