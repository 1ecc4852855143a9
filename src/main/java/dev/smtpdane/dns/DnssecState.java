package dev.smtpdane.dns;

/**
 * The DNSSEC state of one DNS answer (dane-rules.md §1). Never collapsed into a boolean:
 * insecure and bogus lead to different advice, and indeterminate means "we could not judge".
 */
public enum DnssecState {
  /** Validated: AD=1 from a trusted validating resolver, or proven by our own validator. */
  SECURE,
  /** Provably unsigned (an insecure delegation above the name). */
  INSECURE,
  /** Signatures or denial proofs fail (a validating resolver answers SERVFAIL). */
  BOGUS,
  /** No answer that can be judged: timeout, REFUSED, network error, malformed reply. */
  INDETERMINATE;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
