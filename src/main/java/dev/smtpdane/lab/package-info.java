/**
 * The embedded DANE lab: the scenario catalogue ({@link dev.smtpdane.lab.LabScenarios}) and
 * the lab that serves it all at once ({@link dev.smtpdane.lab.DaneLab}), built from the signed
 * lab DNS ({@code lab.dns}), the in-process SMTP servers ({@code lab.smtp}) and certificates
 * made at start-up ({@code lab.pki}). Used by {@code smtpdane demo} and by the tests; never by
 * a verdict. Binds loopback only and reads nothing from disk.
 */
package dev.smtpdane.lab;
