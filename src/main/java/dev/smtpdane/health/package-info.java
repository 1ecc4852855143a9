/**
 * Certificate health beyond the DANE verdict (issue 7): expiry of the certificates on the
 * authenticated path ({@link dev.smtpdane.health.ExpiryCheck}), the stapled OCSP response
 * ({@link dev.smtpdane.health.OcspCheck}), per-certificate details for {@code -show-cert-info}
 * ({@link dev.smtpdane.health.CertificateInfo}, {@link dev.smtpdane.health.Pem}), and names of
 * well-known CAs for TLSA listings ({@link dev.smtpdane.health.CaNames}).
 *
 * <p>Pure functions of what the TLS session captured and an injected {@code now}: no sockets, no
 * clock, no printing. Only {@code CaNames} reads files (the system CA bundle), lazily, and never
 * for trust. Bouncy Castle's OCSP and certificate classes are loaded only when a server
 * actually stapled a response, so a run that sees no staple loads none of them (its EC
 * arithmetic is another matter: {@code tls.BcEcProvider} uses it in every handshake).
 */
package dev.smtpdane.health;
