/**
 * OCSP for the lab (RFC 6960): a maker of signed responses with chosen status, dates and signer
 * ({@link dev.smtpdane.lab.ocsp.OcspResponseBuilder}). The in-process HTTP responder on loopback
 * that a stapling lab SMTP server's JSSE fetches from ({@code LabOcspResponder}) lives with the
 * tests, its only users, so the shipped jar needs no HTTP server module (jdk.httpserver is not
 * in the runtime package's jlink image). Built with Bouncy Castle; never used by a verdict.
 */
package dev.smtpdane.lab.ocsp;
