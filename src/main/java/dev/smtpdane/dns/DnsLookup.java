package dev.smtpdane.dns;

import org.xbill.DNS.Name;

/**
 * Looks up one name and type and says how far the answer can be trusted. Implementations never
 * throw for a DNS outcome: a timeout, SERVFAIL or garbage reply is an {@link Answer} with state
 * {@link DnssecState#INDETERMINATE} or {@link DnssecState#BOGUS} and a reason.
 *
 * <p>Calls block; callers run them on virtual threads to look up several names at once. The
 * implementation trusting a resolver's AD bit is {@link StubResolver}; {@link ValidatingLookup}
 * validates DNSSEC itself.
 */
public interface DnsLookup {
  /**
   * Looks up {@code name} (absolute) for {@code type} (a dnsjava {@code Type} constant),
   * following CNAMEs unless {@code type} is CNAME.
   */
  Answer lookup(Name name, int type);
}
