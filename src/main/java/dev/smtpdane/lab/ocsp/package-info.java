/**
 * OCSP for the lab (RFC 6960): a maker of signed responses with chosen status, dates and signer
 * ({@link dev.smtpdane.lab.ocsp.OcspResponseBuilder}), and an in-process HTTP responder on
 * loopback ({@link dev.smtpdane.lab.ocsp.LabOcspResponder}) that a stapling lab SMTP server's
 * JSSE fetches from. Built with Bouncy Castle; used by tests and {@code smtpdane demo}, never by
 * a verdict.
 */
package dev.smtpdane.lab.ocsp;
