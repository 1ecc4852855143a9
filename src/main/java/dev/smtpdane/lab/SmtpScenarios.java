package dev.smtpdane.lab;

import static dev.smtpdane.lab.ScenarioBuilder.scenario;
import static dev.smtpdane.lab.ServerSpec.server;
import static dev.smtpdane.lab.TlsaSpec.Subject.INTERMEDIATE;
import static dev.smtpdane.lab.TlsaSpec.ee;
import static dev.smtpdane.lab.TlsaSpec.ta;
import static dev.smtpdane.report.FindingCode.GREETING_BAD;
import static dev.smtpdane.report.FindingCode.HANDSHAKE_FAILED;
import static dev.smtpdane.report.FindingCode.PROTOCOL_ERROR;
import static dev.smtpdane.report.FindingCode.STARTTLS_INJECTION;
import static dev.smtpdane.report.FindingCode.STARTTLS_NOT_OFFERED;
import static dev.smtpdane.report.FindingCode.STARTTLS_REFUSED;
import static dev.smtpdane.report.FindingCode.TIMEOUT;
import static dev.smtpdane.report.Verdict.FAILED;

import dev.smtpdane.lab.smtp.Behaviour;
import java.util.List;

/**
 * The SMTP session (RFC 3207, RFC 8314, RFC 7672 §2.2): DNS and TLSA records are good, the
 * server is not. Each must end in its own error within the timeout, never a hang.
 */
final class SmtpScenarios {
  private static final String THEME = "SMTP";

  private SmtpScenarios() {}

  private static ScenarioBuilder mxHost(String name, String description, ServerSpec server) {
    return scenario(THEME, name, description).mx(10, "mx").host("mx", server)
        .tlsa("mx", ee(1, 1), ta(1, 1, INTERMEDIATE));
  }

  static List<ScenarioDefinition> all() {
    return List.of(
        mxHost("no-starttls", "STARTTLS not advertised",
            server().behaviour(Behaviour.NO_STARTTLS))
            .expect(FAILED, 1, STARTTLS_NOT_OFFERED).build(),
        mxHost("starttls-454", "STARTTLS answered with 454",
            server().behaviour(Behaviour.STARTTLS_454))
            .expect(FAILED, 1, STARTTLS_REFUSED).build(),
        mxHost("close-after-ehlo", "server closes the connection after EHLO",
            server().behaviour(Behaviour.CLOSE_AFTER_EHLO))
            .expect(FAILED, 1, STARTTLS_REFUSED).build(),
        mxHost("greeting-554", "server greets with 554 (no SMTP service)",
            server().behaviour(Behaviour.GREETING_554))
            .expect(FAILED, 1, GREETING_BAD).build(),
        mxHost("starttls-injection", "plaintext injected after the 220 to STARTTLS",
            server().behaviour(Behaviour.INJECT_AFTER_STARTTLS))
            .expect(FAILED, 1, STARTTLS_INJECTION).build(),
        mxHost("handshake-alert", "server aborts the TLS handshake with an alert",
            server().behaviour(Behaviour.HANDSHAKE_ALERT))
            .expect(FAILED, 1, HANDSHAKE_FAILED).build(),
        scenario(THEME, "tls-expected-plaintext",
                "TLS-on-connect expected, server speaks plaintext")
            .srv("_submissions._tcp", "mail").host("mail", server())
            .tlsa("mail", ee(1, 1), ta(1, 1, INTERMEDIATE))
            .arguments("-submissions")
            .expect(FAILED, 1, PROTOCOL_ERROR).build(),
        // The tool waits for a greeting that a TLS-on-connect server never sends; a short
        // --read-timeout ends the wait (the Go tool hangs here for ever).
        scenario(THEME, "plaintext-expected-tls", "STARTTLS expected, server wants TLS at once")
            .srv("_submission._tcp", "mail").host("mail", server().tlsOnConnect())
            .tlsa("mail", ee(1, 1), ta(1, 1, INTERMEDIATE))
            .arguments("-submission", "--read-timeout", "2s").slow()
            .expect(FAILED, 1, TIMEOUT).build());
  }
}
