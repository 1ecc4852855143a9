/**
 * Certificates for the lab and the tests, generated at run time with Bouncy Castle: roots,
 * intermediates and leaves with chosen keys, names, dates and deliberate defects. Used by
 * {@code smtpdane demo} and by tests; never by a verdict.
 */
package dev.smtpdane.lab.pki;
