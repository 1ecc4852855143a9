/**
 * DANE authentication of one TLS session (dane-rules.md §4 and §5; RFC 7672 §3, RFC 7671 §5
 * and §9, RFC 6698): which TLSA records are usable, which count under digest agility, and
 * whether the certificate chain a server presented matches them.
 *
 * <p>Entry point: {@link dev.smtpdane.dane.DaneVerifier#verify}. It takes the presented chain,
 * the TLSA records, the reference identifiers and the time, and returns a {@link
 * dev.smtpdane.dane.DaneResult} that explains itself: a verdict, one outcome per record, the
 * warnings, and what the server presented (with the digests an operator could publish).
 *
 * <p>This package is pure: no sockets, no files, no threads, no logging, no clock (the time is
 * a parameter). {@code DanePurityTest} fails if a class here imports any of that. It never
 * throws for an outcome: a hostile chain or record is an outcome, never an exception.
 */
package dev.smtpdane.dane;
