package dev.smtpdane.dns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.ExtendedErrorCodeOption;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Follows the chain of trust (RFC 4033 §3.1, RFC 4035 §5) from a trust anchor down to a signer
 * zone, link by link, to say where it breaks: a DS RRset whose signature fails, a zone without
 * a DNSKEY RRset, a DS that matches none of the child's keys (a rollover the parent never
 * heard of), or a DNSKEY RRset not signed by a key its DS vouches for. Works on the unvalidated
 * replies the validator saw, which the transport keeps for the run.
 */
final class TrustChain {
  /** An unvalidated reply, as the resolver sent it with CD=1. */
  @FunctionalInterface
  interface Raw {
    Optional<Message> reply(Name name, int type);
  }

  private static final String ANCHOR = "the trust anchor";
  private final TrustAnchors anchors;
  private final Raw raw;
  private final Instant now;

  TrustChain(TrustAnchors anchors, Raw raw, Instant now) {
    this.anchors = anchors;
    this.raw = raw;
    this.now = now;
  }

  /** The first broken link from the anchor down to {@code signer}; empty when all hold. */
  Optional<RrsigCheck.Problem> breakAbove(Name signer) {
    Optional<Name> anchor = anchors.coveringZone(signer);
    if (anchor.isEmpty()) {
      return Optional.of(new RrsigCheck.Problem(ExtendedErrorCodeOption.DNSSEC_INDETERMINATE,
          "no trust anchor covers " + signer + " (anchors: " + anchors + ")"));
    }
    Name parent = anchor.get();
    List<Record> vouchers = new ArrayList<>(anchors.records().stream()
        .filter(r -> r.getName().equals(anchor.get())).toList());
    Optional<RrsigCheck.Problem> p = link(parent, vouchers, ANCHOR);
    for (int labels = parent.labels() + 1; p.isEmpty() && labels <= signer.labels(); labels++) {
      Name zone = new Name(signer, signer.labels() - labels);
      RRset ds = rrset(zone, Type.DS);
      if (ds.size() == 0) {
        continue; // not a zone cut with DS: the parent's keys still sign below here
      }
      p = RrsigCheck.problem(ds, this::keys, now).map(x -> within("the DS RRset", zone, x));
      if (p.isEmpty()) {
        p = link(zone, ds.rrs(false), "the DS in " + parent);
        parent = zone;
      }
    }
    return p;
  }

  /** Checks that a DS (or anchor key) of {@code zone} matches a key that signs its DNSKEYs. */
  private Optional<RrsigCheck.Problem> link(Name zone, List<Record> vouchers, String voucher) {
    RRset keySet = rrset(zone, Type.DNSKEY);
    List<DNSKEYRecord> keys = keySet.rrs(false).stream().filter(DNSKEYRecord.class::isInstance)
        .map(DNSKEYRecord.class::cast).toList();
    if (keys.isEmpty()) {
      return Optional.of(new RrsigCheck.Problem(ExtendedErrorCodeOption.DNSKEY_MISSING,
          zone + " publishes no DNSKEY RRset, though " + voucher + " vouches for its key ("
              + describe(vouchers) + ")"));
    }
    List<DNSKEYRecord> vouched = keys.stream().filter(k -> vouchedFor(k, vouchers)).toList();
    if (vouched.isEmpty()) {
      boolean anchor = voucher.equals(ANCHOR);
      return Optional.of(new RrsigCheck.Problem(ExtendedErrorCodeOption.DNSKEY_MISSING,
          "DS mismatch: no DNSKEY of " + zone + " (" + RrsigCheck.tags(keys) + ") matches "
              + voucher + " ("
              + describe(vouchers) + "): " + (anchor
                  ? "the trust anchors are wrong for this DNS, or older than its key rollover"
                  : "a key rollover done without updating the DS at the parent")));
    }
    return RrsigCheck.problem(keySet, signer -> vouched, now)
        .map(x -> within("the DNSKEY RRset", zone, x));
  }

  private static boolean vouchedFor(DNSKEYRecord key, List<Record> vouchers) {
    for (Record v : vouchers) {
      if (v instanceof DNSKEYRecord anchorKey && anchorKey.equals(key)) {
        return true;
      }
      if (v instanceof DSRecord ds && ds.getFootprint() == key.getFootprint()
          && ds.getAlgorithm() == key.getAlgorithm() && digestMatches(ds, key)) {
        return true;
      }
    }
    return false;
  }

  private static boolean digestMatches(DSRecord ds, DNSKEYRecord key) {
    try {
      DSRecord computed = new DSRecord(key.getName(), DClass.IN, 0, ds.getDigestID(), key);
      return Arrays.equals(computed.getDigest(), ds.getDigest());
    } catch (IllegalArgumentException unsupportedDigest) {
      return false;
    }
  }

  private List<DNSKEYRecord> keys(Name zone) {
    return rrset(zone, Type.DNSKEY).rrs(false).stream().filter(DNSKEYRecord.class::isInstance)
        .map(DNSKEYRecord.class::cast).toList();
  }

  /** The RRset (with its RRSIGs) of the answer to {@code name}/{@code type}; empty if none. */
  private RRset rrset(Name name, int type) {
    Optional<Message> reply = raw.reply(name, type);
    if (reply.isPresent()) {
      for (RRset set : reply.get().getSectionRRsets(Section.ANSWER)) {
        if (set.getType() == type && set.getName().equals(name)) {
          return set;
        }
      }
    }
    return new RRset();
  }

  private static RrsigCheck.Problem within(String what, Name zone, RrsigCheck.Problem p) {
    return new RrsigCheck.Problem(p.ede(), "chain of trust broken at " + what + " of " + zone
        + ": " + p.text());
  }

  private static String describe(List<Record> vouchers) {
    return vouchers.stream().map(TrustAnchors::describe).collect(Collectors.joining(", "));
  }
}
