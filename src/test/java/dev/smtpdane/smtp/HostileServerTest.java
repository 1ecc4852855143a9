package dev.smtpdane.smtp;

import static dev.smtpdane.smtp.Probes.HELO;
import static dev.smtpdane.smtp.Probes.MX;
import static dev.smtpdane.smtp.Probes.failed;
import static dev.smtpdane.smtp.Probes.request;
import static dev.smtpdane.smtp.Probes.server;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpdane.lab.smtp.Behaviour;
import dev.smtpdane.lab.smtp.LabSmtpServer;
import dev.smtpdane.lab.smtp.LabSmtpServer.Mode;
import dev.smtpdane.report.FindingCode;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 8: every hostile server ends in a specific failure, within the session's time limits
 * (the class-level timeout is only a safety net against a hang), never an exception.
 */
@Timeout(30)
class HostileServerTest {

  @ParameterizedTest(name = "{0}, tlsOnConnect={1} -> {2} {3}")
  @CsvSource({
      "SILENT,                 false, GREETING,  TIMEOUT,              no data within 1s",
      "ENDLESS_GREETING,       false, GREETING,  PROTOCOL_ERROR,       more than 100 lines",
      "LONG_LINE_GREETING,     false, GREETING,  PROTOCOL_ERROR,       longer than 4096",
      "GARBAGE_GREETING,       false, GREETING,  PROTOCOL_ERROR,       binary data",
      "TLS_RECORD_GREETING,    false, GREETING,  PROTOCOL_ERROR,       try -tls-on-connect",
      "GREETING_554,           false, GREETING,  GREETING_BAD,         554 5.3.2",
      "ENDLESS_EHLO,           false, EHLO,      PROTOCOL_ERROR,       more than 100 lines",
      "CLOSE_AFTER_EHLO,       false, STARTTLS,  STARTTLS_REFUSED,     server closed",
      "STARTTLS_454,           false, STARTTLS,  STARTTLS_REFUSED,     454 4.7.0",
      "STALL_HANDSHAKE,        false, HANDSHAKE, TIMEOUT,              stalled after our",
      "RESET_HANDSHAKE,        false, HANDSHAKE, HANDSHAKE_FAILED,     TLS handshake failed",
      "SILENT,                 true,  AFTER_TLS, TIMEOUT,              greeting inside TLS",
      "GREETING_554,           true,  HANDSHAKE, PROTOCOL_ERROR,       plaintext",
      "STALL_HANDSHAKE,        true,  HANDSHAKE, TIMEOUT,              stalled after our",
      "RESET_HANDSHAKE,        true,  HANDSHAKE, HANDSHAKE_FAILED,     TLS handshake failed",
  })
  void hostileServerEndsInASpecificFailure(Behaviour behaviour, boolean tlsOnConnect,
      Stage stage, FindingCode code, String fragment) throws Exception {
    Mode mode = tlsOnConnect && behaviour != Behaviour.GREETING_554
        ? Mode.TLS_ON_CONNECT : Mode.STARTTLS;
    try (LabSmtpServer server = server().mode(mode).behaviour(behaviour).start()) {
      var f = failed(SmtpProbe.run(request(server, tlsOnConnect)));
      assertThat(f.stage()).isEqualTo(stage);
      assertThat(f.code()).isEqualTo(code);
      assertThat(f.message()).contains(fragment);
    }
  }

  @Test
  void slowDripGreetingIsStoppedByTheSessionDeadline() throws Exception {
    // Each byte arrives well within the read timeout; only the deadline can end this.
    try (LabSmtpServer server = server().behaviour(Behaviour.SLOW_DRIP_GREETING)
        .dripInterval(Duration.ofMillis(100)).start()) {
      var f = failed(SmtpProbe.run(shortDeadline(server)));
      assertThat(f.stage()).isEqualTo(Stage.GREETING);
      assertThat(f.code()).isEqualTo(FindingCode.TIMEOUT);
      assertThat(f.message()).contains("session deadline of 1.5s", "the 220 greeting");
    }
  }

  @Test
  void slowRepliesAreStoppedByTheSessionDeadline() throws Exception {
    try (LabSmtpServer server = server().replyDelay(Duration.ofMillis(700)).start()) {
      var f = failed(SmtpProbe.run(shortDeadline(server)));
      assertThat(f.code()).isEqualTo(FindingCode.TIMEOUT);
      assertThat(f.message()).contains("session deadline");
    }
  }

  private static ProbeRequest shortDeadline(LabSmtpServer server) {
    // read timeout longer than the deadline, so the deadline is what must stop the session
    return new ProbeRequest(server.address(), MX, false, HELO, Duration.ofSeconds(2),
        Duration.ofSeconds(3), Duration.ofMillis(1500), Optional.empty());
  }
}
