/**
 * The lab's DNS: a DNSSEC-signed world served on loopback, for tests and {@code smtpdane demo}.
 *
 * <p>Provides {@link dev.smtpdane.lab.dns.LabDns} (authoritative server plus a validating
 * resolver in front of it that behaves like Unbound), {@link dev.smtpdane.lab.dns.LabZone} for
 * zone contents, {@link dev.smtpdane.lab.dns.Fault} for misbehaviour on request, and {@link
 * dev.smtpdane.lab.dns.LoopbackDnsServer} for tests that script answers themselves.
 *
 * <p>Must not: bind anything but loopback, reach any other DNS server, or keep key material
 * beyond the life of the process (keys are generated at start-up).
 */
package dev.smtpdane.lab.dns;
