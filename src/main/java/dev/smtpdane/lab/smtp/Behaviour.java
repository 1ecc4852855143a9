package dev.smtpdane.lab.smtp;

/**
 * How a lab server (mis)behaves. Each value simulates one kind of broken or hostile server the
 * probe must report with a specific finding, never hang on, and never crash on.
 */
public enum Behaviour {
  /** A well-behaved server. */
  NORMAL,
  /** Accepts the connection and never sends a greeting (a tarpit, or a dead daemon). */
  SILENT,
  /** Sends its greeting one byte per drip interval, forever: only a session deadline helps. */
  SLOW_DRIP_GREETING,
  /** Sends {@code 220-} continuation lines forever. */
  ENDLESS_GREETING,
  /** Sends a 1 MiB greeting line with no line end. */
  LONG_LINE_GREETING,
  /** Sends binary garbage where the greeting belongs. */
  GARBAGE_GREETING,
  /**
   * Sends a TLS alert record where the greeting belongs: TLS-speaking software on a STARTTLS
   * port that talks first.
   */
  TLS_RECORD_GREETING,
  /** Greets with {@code 554 5.3.2}: "no SMTP service here" (RFC 5321 §3.1). */
  GREETING_554,
  /** Answers EHLO with {@code 502} (an RFC 821 server); accepts HELO, which has no STARTTLS. */
  EHLO_REFUSED,
  /** Answers EHLO with {@code 250-} lines forever. */
  ENDLESS_EHLO,
  /** Leaves STARTTLS out of its EHLO keywords. */
  NO_STARTTLS,
  /** Answers STARTTLS with {@code 454 4.7.0 TLS not available due to temporary reason}. */
  STARTTLS_454,
  /** Answers EHLO, then closes the connection. */
  CLOSE_AFTER_EHLO,
  /**
   * Sends a plaintext {@code 250} in the same write as its 220 to STARTTLS, then does TLS
   * (STARTTLS response injection; RFC 3207 §6, CVE-2011-0411 class).
   */
  INJECT_AFTER_STARTTLS,
  /** Reads the ClientHello and never answers it. */
  STALL_HANDSHAKE,
  /**
   * Answers the ClientHello with a fatal {@code handshake_failure} alert, as a server with no
   * cipher suite or key exchange in common does.
   */
  HANDSHAKE_ALERT,
  /** Reads the start of the ClientHello, then resets the connection (TCP RST). */
  RESET_HANDSHAKE,
  /** Completes TLS, then refuses EHLO and HELO with {@code 554}. */
  REFUSE_EHLO_AFTER_TLS,
  /**
   * Never answers QUIT, nor anything after it (not even a TLS close_notify), and holds the
   * connection open even after the client closed its side: a server gone silent, or a network
   * that lost its packets.
   */
  SILENT_AFTER_QUIT
}
