/**
 * One SMTP session per address (RFC 5321, RFC 3207 STARTTLS, RFC 8314 TLS-on-connect): connect,
 * greeting, EHLO, STARTTLS, TLS handshake, EHLO inside TLS, QUIT.
 *
 * <p>Decides only whether the session worked and what the server presented; returns a {@link
 * dev.smtpdane.smtp.SessionOutcome} whose {@code Failed} variant carries a stable finding code.
 * Every I/O and TLS exception is classified in one place ({@code FailureClassifier}); a hostile
 * or broken server is an outcome, never an exception or a hang (each read has a timeout, each
 * session a deadline, each reply a line-length and line-count limit). Must not judge DANE, print,
 * or resolve names (addresses come resolved from {@code discover}).
 */
package dev.smtpdane.smtp;
