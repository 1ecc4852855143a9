package dev.smtpdane.report;

import java.util.Objects;

/**
 * One thing the tool found: a stable machine code (the JSON contract, what tests assert), a
 * severity, and an English sentence for people. Renderers decide how to show it.
 */
public record Finding(Severity severity, FindingCode code, String message) {
  public Finding {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  public static Finding error(FindingCode code, String message) {
    return new Finding(Severity.ERROR, code, message);
  }

  public static Finding warning(FindingCode code, String message) {
    return new Finding(Severity.WARNING, code, message);
  }

  public static Finding info(FindingCode code, String message) {
    return new Finding(Severity.INFO, code, message);
  }

  public static Finding ok(FindingCode code, String message) {
    return new Finding(Severity.OK, code, message);
  }
}
