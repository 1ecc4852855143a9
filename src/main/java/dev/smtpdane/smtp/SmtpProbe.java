package dev.smtpdane.smtp;

/**
 * Runs one SMTP session against one address and reports what it saw. Blocking; meant to run
 * on a virtual thread, many at once. Never throws for anything the server or the network does:
 * every such event becomes a {@link SessionOutcome.Failed}. Never hangs: every read has a
 * timeout and the whole session a deadline.
 *
 * <p>STARTTLS mode (RFC 3207): greeting, EHLO (HELO fallback), STARTTLS, handshake, EHLO inside
 * TLS, QUIT. TLS-on-connect mode (RFC 8314): handshake, greeting, EHLO, QUIT. QUIT's reply is
 * not awaited.
 */
public final class SmtpProbe {
  private SmtpProbe() {}

  /** Runs the session described by {@code request}. */
  public static SessionOutcome run(ProbeRequest request) {
    return new ProbeSession(request).run();
  }
}
