package dev.smtpdane.report;

/** The outcome at one level of the result tree (dane-rules.md §6). */
public enum Verdict {
  /** DANE authenticated (address), or every part below verified (host, domain). */
  VERIFIED,
  /** Something marked error: the destination is not reachable with DANE-authenticated TLS. */
  FAILED,
  /** Nothing was tried (e.g. filtered by -4/-6, run deadline reached before the probe ran). */
  NOT_ATTEMPTED,
  /** Null MX or SRV target ".": the domain says it offers no such service; not a failure. */
  NO_SERVICE;

  public String label() {
    return switch (this) {
      case VERIFIED -> "verified";
      case FAILED -> "failed";
      case NOT_ATTEMPTED -> "not attempted";
      case NO_SERVICE -> "no service";
    };
  }

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
