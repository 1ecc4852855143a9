package dev.smtpdane.dns;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.ExtendedErrorCodeOption;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Type;

/**
 * Checks the RRSIGs over one RRset against its signer's DNSKEY RRset and, when none verifies,
 * says why in the terms of RFC 4035 §5.3: no signature at all, a signature naming a key the
 * signer does not publish, a validity window that has ended or not begun (with the dates), or
 * a signature that does not verify.
 */
final class RrsigCheck {
  /** Why an RRset (or a chain of trust) fails, with the Extended DNS Error that fits. */
  record Problem(int ede, String text) {}

  private RrsigCheck() {}

  /**
   * Empty when some RRSIG over {@code rrset} verifies at {@code now} with a key of its signer;
   * else the problem of its first RRSIG. {@code keysOf} gives a zone's DNSKEY records.
   */
  static Optional<Problem> problem(
      RRset rrset, Function<Name, List<DNSKEYRecord>> keysOf, Instant now) {
    String what = describe(rrset);
    List<RRSIGRecord> sigs = rrset.sigs();
    if (sigs.isEmpty()) {
      return Optional.of(new Problem(ExtendedErrorCodeOption.RRSIGS_MISSING,
          what + " carries no RRSIG, though it lies in a signed zone (signatures stripped?)"));
    }
    Problem first = null;
    for (RRSIGRecord sig : sigs) {
      List<DNSKEYRecord> keys = keysOf.apply(DomainName.canonical(sig.getSigner()));
      Optional<Problem> p = check(rrset, sig, keys, now);
      if (p.isEmpty()) {
        return Optional.empty();
      }
      first = first == null ? p.get() : first;
    }
    return Optional.of(first);
  }

  private static Optional<Problem> check(
      RRset rrset, RRSIGRecord sig, List<DNSKEYRecord> keys, Instant now) {
    String what = "the RRSIG over " + describe(rrset) + " (key tag " + sig.getFootprint()
        + " of " + DomainName.canonical(sig.getSigner()) + ")";
    List<DNSKEYRecord> candidates = keys.stream().filter(k -> k.getFootprint()
        == sig.getFootprint() && k.getAlgorithm() == sig.getAlgorithm()).toList();
    if (candidates.isEmpty()) {
      return Optional.of(new Problem(ExtendedErrorCodeOption.DNSKEY_MISSING, what
          + " names a key that is not in the DNSKEY RRset of " + sig.getSigner() + " ("
          + tags(keys) + ")"));
    }
    Problem problem = null;
    Instant second = now.truncatedTo(ChronoUnit.SECONDS);
    for (DNSKEYRecord key : candidates) {
      try {
        DNSSEC.verify(rrset, sig, key, now);
        return Optional.empty();
      } catch (DNSSEC.SignatureExpiredException e) {
        problem = new Problem(ExtendedErrorCodeOption.SIGNATURE_EXPIRED,
            what + " expired at " + sig.getExpire() + " (now " + second + ")");
      } catch (DNSSEC.SignatureNotYetValidException e) {
        problem = new Problem(ExtendedErrorCodeOption.SIGNATURE_NOT_YET_VALID,
            what + " is not valid before " + sig.getTimeSigned() + " (now " + second + ")");
      } catch (DNSSEC.DNSSECException e) {
        problem = new Problem(ExtendedErrorCodeOption.DNSSEC_BOGUS,
            what + " does not verify: the data or the signature was altered");
      }
    }
    return Optional.of(problem);
  }

  /** "key tags 12345, 23456" or "it publishes none". */
  static String tags(List<DNSKEYRecord> keys) {
    if (keys.isEmpty()) {
      return "it publishes none";
    }
    return keys.stream().map(k -> String.valueOf(k.getFootprint()))
        .collect(Collectors.joining(", ", keys.size() == 1 ? "key tag " : "key tags ", ""));
  }

  /** "mx.example.test. A". */
  static String describe(RRset rrset) {
    return DomainName.canonical(rrset.getName()) + " " + Type.string(rrset.getType());
  }
}
