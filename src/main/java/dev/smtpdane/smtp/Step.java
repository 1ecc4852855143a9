package dev.smtpdane.smtp;

import dev.smtpdane.report.FindingCode;

/**
 * What the session is doing at a moment, finer than {@link Stage}: it names what we were
 * waiting for in messages, and which finding a dropped connection at that point gives.
 */
enum Step {
  CONNECT(Stage.CONNECT, "the TCP connection", FindingCode.CONNECT_FAILED),
  GREETING(Stage.GREETING, "the 220 greeting", FindingCode.GREETING_BAD),
  EHLO(Stage.EHLO, "the reply to EHLO", FindingCode.EHLO_FAILED),
  STARTTLS(Stage.STARTTLS, "the reply to STARTTLS", FindingCode.STARTTLS_REFUSED),
  HANDSHAKE(Stage.HANDSHAKE, "the TLS handshake", FindingCode.HANDSHAKE_FAILED),
  GREETING_IN_TLS(Stage.AFTER_TLS, "the 220 greeting inside TLS", FindingCode.GREETING_BAD),
  EHLO_IN_TLS(Stage.AFTER_TLS, "the reply to EHLO inside TLS", FindingCode.EHLO_FAILED);

  private final Stage stage;
  private final String awaited;
  private final FindingCode onClose;

  Step(Stage stage, String awaited, FindingCode onClose) {
    this.stage = stage;
    this.awaited = awaited;
    this.onClose = onClose;
  }

  Stage stage() {
    return stage;
  }

  /** What we were waiting for, e.g. "the reply to STARTTLS". */
  String awaited() {
    return awaited;
  }

  /** The finding when the server closes or resets the connection at this step. */
  FindingCode onClose() {
    return onClose;
  }

  /** Whether the TLS session exists (a failure here still carries it, for DANE). */
  boolean tlsDone() {
    return stage == Stage.AFTER_TLS;
  }
}
