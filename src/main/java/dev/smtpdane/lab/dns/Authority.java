package dev.smtpdane.lab.dns;

import dev.smtpdane.lab.dns.LoopbackDnsServer.Transport;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.NameTooLongException;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The authoritative side of the lab: answers from every lab zone at once, always from the
 * deepest zone holding the name, except DS at a zone apex, which comes from the parent
 * (RFC 4035 §3.1.4.1). Because it holds every zone, it follows CNAMEs across zones like a
 * recursive resolver would, so a validator can use it directly as its upstream. Denials carry
 * the SOA and NSEC proofs of RFC 4035 §3.1.3 when the query sets DO.
 */
final class Authority implements LoopbackDnsServer.Handler {
  private static final int MAX_CHAIN = 8;
  private static final Name WILDCARD = Name.fromConstantString("*");
  private final List<ZoneData> zones;
  private final FaultPlan faults;

  Authority(List<ZoneData> zones, FaultPlan faults) {
    this.zones = zones.stream()
        .sorted(Comparator.comparingInt((ZoneData z) -> z.origin().labels()).reversed())
        .toList();
    this.faults = faults;
  }

  @Override
  public Optional<Message> answer(Message query, Transport transport) {
    Message reply = LoopbackDnsServer.reply(query);
    Record question = query.getQuestion();
    if (question == null || query.getHeader().getOpcode() != Opcode.QUERY) {
      reply.getHeader().setRcode(question == null ? Rcode.FORMERR : Rcode.NOTIMP);
      return Optional.of(reply);
    }
    Name qname = question.getName().canonicalize();
    int qtype = question.getType();
    Optional<Fault> fault = faults.at(qname, qtype).filter(Fault::isServingFault);
    if (fault.isPresent()) {
      switch (fault.get()) {
        case DROP -> {
          return Optional.empty();
        }
        case TRUNCATE -> {
          if (transport == Transport.UDP) {
            reply.getHeader().setFlag(Flags.TC);
            return Optional.of(withOpt(reply, query));
          }
        }
        default -> {
          reply.getHeader().setRcode(rcodeOf(fault.get()));
          return Optional.of(withOpt(reply, query));
        }
      }
    }
    reply.getHeader().setFlag(Flags.AA);
    reply.getHeader().setFlag(Flags.RA);
    resolve(reply, qname, qtype, wantsDnssec(query));
    return Optional.of(withOpt(reply, query));
  }

  static boolean wantsDnssec(Message query) {
    OPTRecord opt = query.getOPT();
    return opt != null && (opt.getFlags() & ExtendedFlags.DO) != 0;
  }

  /** Echoes EDNS (RFC 6891 §6.1.1) with the DO bit as asked (RFC 3225 §3). */
  static Message withOpt(Message reply, Message query) {
    if (query.getOPT() != null) {
      int flags = wantsDnssec(query) ? ExtendedFlags.DO : 0;
      reply.addRecord(new OPTRecord(1232, 0, 0, flags), Section.ADDITIONAL);
    }
    return reply;
  }

  private static int rcodeOf(Fault fault) {
    return switch (fault) {
      case REFUSED -> Rcode.REFUSED;
      case NOTIMP -> Rcode.NOTIMP;
      default -> Rcode.SERVFAIL;
    };
  }

  private void resolve(Message reply, Name qname, int qtype, boolean dnssec) {
    Name current = qname;
    for (int link = 0; link <= MAX_CHAIN; link++) {
      Optional<ZoneData> found = zoneFor(current, qtype);
      if (found.isEmpty()) {
        return;
      }
      ZoneData zone = found.get();
      boolean signatures = dnssec && zone.signed();
      Optional<Name> wildcard = zone.wildcardFor(current);
      Name source = wildcard.orElse(current);
      Optional<RRset> data = zone.rrset(source, qtype);
      Optional<RRset> alias =
          qtype == Type.CNAME ? Optional.empty() : zone.rrset(source, Type.CNAME);
      if (data.isEmpty() && alias.isEmpty()) {
        boolean soa = !faults.at(current, qtype).equals(Optional.of(Fault.DENIAL_WITHOUT_SOA));
        if (wildcard.isPresent()) {
          WildcardProof.nodata(reply, zone, current, wildcard.get(), signatures);
        } else {
          deny(reply, zone, current, signatures, soa);
        }
        return;
      }
      RRset answer = data.orElseGet(alias::get);
      if (wildcard.isPresent()) {
        // RFC 4035 §3.1.3.3: the expanded answer, and proof that the name itself is absent.
        answer = WildcardProof.expand(answer, current);
        WildcardProof.answer(reply, zone, current, signatures);
      }
      add(reply, answer, Section.ANSWER, signatures);
      if (data.isPresent()) {
        return;
      }
      current = ((CNAMERecord) answer.first()).getTarget().canonicalize();
    }
  }

  /** NODATA or NXDOMAIN with SOA and, for signed zones, the NSEC proofs (RFC 4035 §3.1.3). */
  private static void deny(
      Message reply, ZoneData zone, Name name, boolean dnssec, boolean withSoa) {
    if (withSoa) {
      add(reply, zone.soa(), Section.AUTHORITY, dnssec);
    }
    if (zone.nsec3().isPresent()) {
      denyWithNsec3(reply, zone, zone.nsec3().get(), name, dnssec);
      return;
    }
    if (zone.exists(name)) {
      // §3.1.3.1 NODATA: the NSEC at the name; for an empty non-terminal, the covering one.
      Optional<RRset> nsec = zone.rrset(name, Type.NSEC).or(() -> zone.nsecCovering(name));
      nsec.filter(n -> dnssec).ifPresent(n -> add(reply, n, Section.AUTHORITY, true));
      return;
    }
    reply.getHeader().setRcode(Rcode.NXDOMAIN);
    if (dnssec) {
      // §3.1.3.2 NXDOMAIN: an NSEC covering the name and one covering the wildcard.
      zone.nsecCovering(name).ifPresent(n -> add(reply, n, Section.AUTHORITY, true));
      Name wildcard = wildcardAt(zone.closestEncloser(name));
      zone.nsecCovering(wildcard).ifPresent(n -> add(reply, n, Section.AUTHORITY, true));
    }
  }

  /**
   * RFC 5155 §7.2: NODATA shows the NSEC3 matching the name (§7.2.3, §7.2.4 for an empty
   * non-terminal or a DS at an insecure delegation), or, for a delegation left out of an
   * opt-out chain, the closest provable encloser proof whose next-closer NSEC3 has the Opt-Out
   * flag (§7.2.4); NXDOMAIN shows the closest encloser's NSEC3 and NSEC3s covering the next
   * closer name and the wildcard (§7.2.2).
   */
  private static void denyWithNsec3(
      Message reply, ZoneData zone, Nsec3Chain chain, Name name, boolean dnssec) {
    if (zone.exists(name)) {
      Optional<RRset> match = chain.matching(name);
      if (match.isPresent() && dnssec) {
        add(reply, match.get(), Section.AUTHORITY, true);
      } else if (dnssec) {
        closestEncloserProof(reply, chain, name, chain.closestProvableEncloser(name));
      }
      return;
    }
    reply.getHeader().setRcode(Rcode.NXDOMAIN);
    if (dnssec) {
      Name encloser = zone.closestEncloser(name);
      closestEncloserProof(reply, chain, name, encloser);
      add(reply, chain.covering(wildcardAt(encloser)), Section.AUTHORITY, true);
    }
  }

  /** RFC 5155 §7.2.1: the encloser's own NSEC3 and the one covering the next closer name. */
  static void closestEncloserProof(Message reply, Nsec3Chain chain, Name name, Name encloser) {
    Name nextCloser = new Name(name, name.labels() - encloser.labels() - 1);
    chain.matching(encloser).ifPresent(n -> add(reply, n, Section.AUTHORITY, true));
    add(reply, chain.covering(nextCloser), Section.AUTHORITY, true);
  }

  static Name wildcardAt(Name encloser) {
    try {
      return Name.concatenate(WILDCARD, encloser);
    } catch (NameTooLongException e) {
      // The encloser is shorter than a name that fit, so "*." always fits; be safe anyway.
      return encloser;
    }
  }

  private Optional<ZoneData> zoneFor(Name name, int qtype) {
    for (ZoneData zone : zones) {
      boolean parentSide = qtype == Type.DS && name.equals(zone.origin()) && name.labels() > 1;
      if (name.subdomain(zone.origin()) && !parentSide) {
        return Optional.of(zone);
      }
    }
    return Optional.empty();
  }

  static void add(Message reply, RRset rrset, int section, boolean withSignatures) {
    for (Record r : rrset.rrs(false)) {
      addOnce(reply, r, section);
    }
    if (withSignatures) {
      rrset.sigs().forEach(sig -> addOnce(reply, sig, section));
    }
  }

  private static void addOnce(Message reply, Record record, int section) {
    if (!reply.findRecord(record, section)) {
      reply.addRecord(record, section);
    }
  }
}
