package dev.smtpdane.lab.dns;

import java.util.Optional;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Answers synthesised from a wildcard (RFC 4592) and their DNSSEC proofs. The RRSIG keeps the
 * wildcard's label count, which tells validators the data was expanded (RFC 4035 §5.3.4), and
 * the authority section proves that no closer match exists: RFC 4035 §3.1.3.3 and §3.1.3.4
 * with NSEC, RFC 5155 §7.2.5 and §7.2.6 with NSEC3.
 */
final class WildcardProof {
  private WildcardProof() {}

  /** The wildcard's RRset (records and signatures) owned by {@code name} instead. */
  static RRset expand(RRset wildcard, Name name) {
    RRset out = new RRset();
    for (Record r : wildcard.rrs(false)) {
      out.addRR(r.withName(name));
    }
    for (RRSIGRecord sig : wildcard.sigs()) {
      out.addRR((RRSIGRecord) sig.withName(name));
    }
    return out;
  }

  /** Proof for an expanded answer: {@code name} itself does not exist. */
  static void answer(Message reply, ZoneData zone, Name name, boolean dnssec) {
    if (!dnssec) {
      return;
    }
    if (zone.nsec3().isPresent()) {
      // RFC 5155 §7.2.6: the NSEC3 covering the next closer name.
      Nsec3Chain chain = zone.nsec3().get();
      Name encloser = zone.closestEncloser(name);
      Name nextCloser = new Name(name, name.labels() - encloser.labels() - 1);
      Authority.add(reply, chain.covering(nextCloser), Section.AUTHORITY, true);
      return;
    }
    zone.nsecCovering(name).ifPresent(n -> Authority.add(reply, n, Section.AUTHORITY, true));
  }

  /**
   * A wildcard NODATA: the wildcard matches but has no record of the type. SOA, proof that
   * the name does not exist, and the wildcard's own NSEC (or NSEC3) without the type.
   */
  static void nodata(Message reply, ZoneData zone, Name name, Name wildcard, boolean dnssec) {
    Authority.add(reply, zone.soa(), Section.AUTHORITY, dnssec);
    if (!dnssec) {
      return;
    }
    if (zone.nsec3().isPresent()) {
      Nsec3Chain chain = zone.nsec3().get();
      Authority.closestEncloserProof(reply, chain, name, zone.closestEncloser(name));
      chain.matching(wildcard)
          .ifPresent(n -> Authority.add(reply, n, Section.AUTHORITY, true));
      return;
    }
    zone.nsecCovering(name).ifPresent(n -> Authority.add(reply, n, Section.AUTHORITY, true));
    Optional<RRset> own = zone.rrset(wildcard, Type.NSEC);
    own.ifPresent(n -> Authority.add(reply, n, Section.AUTHORITY, true));
  }
}
