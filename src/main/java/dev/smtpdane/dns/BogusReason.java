package dev.smtpdane.dns;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.ExtendedErrorCodeOption;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSEC3Record;
import org.xbill.DNS.NSECRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Says why the validator found an answer bogus, precisely enough to fix it: which RRset, which
 * signature or key, expired when, which DS fails to match, or which denial proof is missing.
 * dnsjava's own reason names the failing RRset as a raw dump and its Extended DNS Error is
 * coarse (an expired RRSIG comes back as plain "DNSSEC Bogus"), so the unvalidated reply is
 * checked again here: the chain of trust from the anchor down to each signer, then each RRset's
 * signatures, then the denial proof.
 */
final class BogusReason {
  // dnsjava prints a failing RRset as "{ name ttl class type [rdata] sigs: [...] }".
  private static final Pattern RRSET_DUMP =
      Pattern.compile("\\{ (\\S+) \\d+ \\S+ (\\S+) .*? \\}");
  private final TrustChain.Raw raw;
  private final TrustChain chain;
  private final Instant now;

  BogusReason(TrustAnchors anchors, TrustChain.Raw raw, Instant now) {
    this.raw = raw;
    this.chain = new TrustChain(anchors, raw, now);
    this.now = now;
  }

  /**
   * The problem behind a bogus verdict on {@code reply} (the unvalidated answer to
   * {@code qname}/{@code qtype}), given the validator's own reason and EDE code.
   */
  RrsigCheck.Problem explain(Name qname, int qtype, Message reply, String validatorReason,
      int validatorEde) {
    String dnsjava = readable(validatorReason);
    // The chain of trust first: a broken link above (a wrong anchor, a DS mismatch) makes
    // every signature below look wrong, and it is the one thing to fix.
    for (Name signer : signers(reply, qname)) {
      Optional<RrsigCheck.Problem> p = chain.breakAbove(signer);
      if (p.isPresent()) {
        return p.get();
      }
    }
    for (int section : new int[] {Section.ANSWER, Section.AUTHORITY}) {
      for (RRset rrset : reply.getSectionRRsets(section)) {
        if (rrset.getType() == Type.NS && rrset.sigs().isEmpty() && section == Section.AUTHORITY) {
          continue; // an unsigned referral NS in the authority section is not signed data
        }
        Optional<RrsigCheck.Problem> p = RrsigCheck.problem(rrset, this::keys, now);
        if (p.isPresent()) {
          return p.get();
        }
      }
    }
    if (isDenial(reply, qname, qtype)) {
      return denial(reply, qname, qtype, dnsjava);
    }
    return new RrsigCheck.Problem(validatorEde < 0 ? ExtendedErrorCodeOption.DNSSEC_BOGUS
        : validatorEde, dnsjava.isEmpty() ? "validation failed (no reason given)" : dnsjava);
  }

  /** RFC 4035 §5.4: a denial needs NSEC (or NSEC3) records that prove it. */
  private static RrsigCheck.Problem denial(Message reply, Name qname, int qtype, String dnsjava) {
    String what = (reply.getRcode() == Rcode.NXDOMAIN ? "the NXDOMAIN for " + qname
        : "the NODATA answer for " + qname + " " + Type.string(qtype));
    long proofs = reply.getSection(Section.AUTHORITY).stream()
        .filter(r -> r instanceof NSECRecord || r instanceof NSEC3Record).count();
    if (proofs == 0) {
      return new RrsigCheck.Problem(ExtendedErrorCodeOption.NSEC_MISSING,
          what + " carries no NSEC or NSEC3 record to prove it (RFC 4035 §3.1.3)");
    }
    return new RrsigCheck.Problem(ExtendedErrorCodeOption.DNSSEC_BOGUS, what + " is not proven"
        + " by its " + proofs + " NSEC/NSEC3 record(s)"
        + (dnsjava.isEmpty() ? "" : ": " + dnsjava));
  }

  private static boolean isDenial(Message reply, Name qname, int qtype) {
    return reply.getRcode() == Rcode.NXDOMAIN || reply.getSection(Section.ANSWER).stream()
        .noneMatch(r -> r.getType() == qtype || r.getType() == Type.CNAME);
  }

  /** The zones whose signatures the reply carries; the name's own labels when it has none. */
  private static Set<Name> signers(Message reply, Name qname) {
    Set<Name> out = new LinkedHashSet<>();
    for (int section : new int[] {Section.ANSWER, Section.AUTHORITY}) {
      for (Record r : reply.getSection(section)) {
        if (r instanceof RRSIGRecord sig) {
          out.add(DomainName.canonical(sig.getSigner()));
        }
      }
    }
    if (out.isEmpty()) {
      out.add(qname);
    }
    return out;
  }

  private List<DNSKEYRecord> keys(Name zone) {
    return raw.reply(zone, Type.DNSKEY).stream()
        .flatMap(m -> m.getSection(Section.ANSWER).stream())
        .filter(r -> r instanceof DNSKEYRecord && r.getName().equals(zone))
        .map(DNSKEYRecord.class::cast).toList();
  }

  /** dnsjava's reason with its RRset dumps shortened to "name TYPE". */
  static String readable(String validatorReason) {
    return RRSET_DUMP.matcher(validatorReason == null ? "" : validatorReason)
        .replaceAll("$1 $2").strip();
  }
}
