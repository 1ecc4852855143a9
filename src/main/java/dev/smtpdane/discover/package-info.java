/**
 * From command-line argument to probe targets (dane-rules.md §2-§3, RFC 7672 §2.2).
 *
 * <p>Decides, one method per step: the next-hop hosts of a domain (MX or SRV, with implicit
 * and null MX), the addresses of each host (each address family judged on its own), the TLSA
 * base domain through CNAMEs, the TLSA outcome, and the reference identifiers for DANE-TA name
 * checks. Returns a {@link dev.smtpdane.discover.Plan}: what was looked up, what to probe, and
 * the findings where DANE cannot apply.
 *
 * <p>Must not: connect to a mail server, judge certificates, print, or throw for a DNS outcome.
 * All DNS goes through {@link dev.smtpdane.dns.DnsLookup}, so tests can hand in fakes.
 */
package dev.smtpdane.discover;
