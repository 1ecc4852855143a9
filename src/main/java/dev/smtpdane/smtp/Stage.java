package dev.smtpdane.smtp;

/** Where in the session a failure happened, in the order a STARTTLS session passes them. */
public enum Stage {
  /** TCP connect (directly or through the SOCKS5 proxy). */
  CONNECT,
  /** Waiting for the 220 greeting before TLS (STARTTLS mode). */
  GREETING,
  /** EHLO (or the HELO fallback) before TLS. */
  EHLO,
  /** Looking for the STARTTLS keyword, sending STARTTLS and reading its reply. */
  STARTTLS,
  /** The TLS handshake. */
  HANDSHAKE,
  /** Anything after a completed handshake: greeting (TLS-on-connect) and EHLO inside TLS. */
  AFTER_TLS
}
