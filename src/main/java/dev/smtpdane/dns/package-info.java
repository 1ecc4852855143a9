/**
 * DNS lookups that carry their DNSSEC state (dane-rules.md §1).
 *
 * <p>Decides: the {@link dev.smtpdane.dns.DnssecState} of every answer (secure, insecure, bogus,
 * indeterminate) with a reason, the CNAME chain that was followed, and which resolver answered.
 * Returns {@link dev.smtpdane.dns.Answer} records through the {@link
 * dev.smtpdane.dns.DnsLookup} interface; dnsjava {@code Message}s never leave this package.
 * Two implementations: {@link dev.smtpdane.dns.StubResolver} trusts a validating resolver's AD
 * bit; {@link dev.smtpdane.dns.ValidatingLookup} validates from {@link
 * dev.smtpdane.dns.TrustAnchors} itself and uses the resolvers only as a transport (CD=1).
 *
 * <p>Must not: throw for a DNS outcome (timeouts, SERVFAIL, garbage are answers with a state),
 * fall back to the system resolver, or block inside the common fork-join pool. Callers run
 * lookups on virtual threads.
 */
package dev.smtpdane.dns;
