/**
 * In-process SMTP servers for tests and {@code smtpdane demo}: loopback only, STARTTLS or
 * TLS-on-connect, a certificate chain per SNI name, and scripted misbehaviour ({@link
 * dev.smtpdane.lab.smtp.Behaviour}) so the probe's handling of hostile servers can be tested.
 * Each server records what clients did ({@link dev.smtpdane.lab.smtp.LabTranscript}).
 *
 * <p>Never used by a verdict; never listens beyond the address it is given.
 */
package dev.smtpdane.lab.smtp;
