/**
 * One TLS client handshake per SMTP session, and the immutable record of what the server
 * presented ({@link dev.smtpdane.tls.TlsSession}).
 *
 * <p>Decides nothing about trust: the trust manager accepts and records whatever chain the
 * server sends, exactly as sent, and the {@code dane} package judges it afterwards (RFC 7672
 * §3: the verdict comes from TLSA records, never from a CA store). Each handshake gets a fresh
 * {@code SSLContext}, so nothing is resumed and the chain callback always runs. Must not read
 * the JDK's trust store, do host-name checks, or offer anonymous cipher suites.
 *
 * <p>{@link dev.smtpdane.tls.BcEcProvider} only changes how fast the process's ECDSA
 * verifications and P-256 key pairs are computed, never what they accept.
 */
package dev.smtpdane.tls;
