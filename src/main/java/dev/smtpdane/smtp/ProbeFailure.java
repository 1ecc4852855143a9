package dev.smtpdane.smtp;

import dev.smtpdane.report.FindingCode;
import java.io.IOException;

/** A well-formed but unacceptable answer (e.g. 454 to STARTTLS), already classified. */
final class ProbeFailure extends IOException {
  private static final long serialVersionUID = 1L;
  private final transient FindingCode code;

  ProbeFailure(FindingCode code, String message) {
    super(message);
    this.code = code;
  }

  FindingCode code() {
    return code;
  }
}
