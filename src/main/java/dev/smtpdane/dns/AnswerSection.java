package dev.smtpdane.dns;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.ExtendedErrorCodeOption;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Reads a final (NOERROR or NXDOMAIN) reply into an {@link Answer}: follows the CNAME chain
 * from the question name through the answer section, keeps the records of the asked type at its
 * end, and takes the state from the AD bit (RFC 4035 §3.2.3: AD=1 only when every RRset in the
 * answer and authority sections is secure).
 */
final class AnswerSection {
  /** Longer chains are treated as broken; resolvers stop far earlier (BIND: 16). */
  static final int MAX_CHAIN = 16;

  private AnswerSection() {}

  static Answer read(Name qname, int qtype, Message reply, InetSocketAddress from) {
    boolean ad = reply.getHeader().getFlag(Flags.AD);
    DnssecState state = ad ? DnssecState.SECURE : DnssecState.INSECURE;
    String reason = ad ? "" : ResolverExchange.describe(from)
        + " did not set AD: the data is not signed (or that resolver does not validate)";
    return read(qname, qtype, reply, from, state, reason, true);
  }

  /**
   * Reads a reply whose state was decided elsewhere (by our own validator): every CNAME link
   * gets {@code state} until the caller knows better, and a loop or overlong chain makes the
   * answer indeterminate whatever the state.
   */
  static Answer read(Name qname, int qtype, Message reply, InetSocketAddress from,
      DnssecState givenState, String givenReason, boolean stateFromAdBit) {
    DnssecState state = givenState;
    String reason = givenReason;
    List<Record> answers = reply.getSection(Section.ANSWER);
    List<CnameLink> chain = new ArrayList<>();
    Set<Name> seen = new HashSet<>(Set.of(qname));
    Name current = qname;
    while (qtype != Type.CNAME) {
      Optional<CNAMERecord> alias = cnameAt(answers, current);
      if (alias.isEmpty()) {
        break;
      }
      Name target = DomainName.canonical(alias.get().getTarget());
      chain.add(new CnameLink(current, target, state));
      current = target;
      if (!seen.add(target)) {
        state = DnssecState.INDETERMINATE;
        reason = "CNAME loop: " + target + " is an alias of itself (" + chain + ")";
        break;
      }
      if (chain.size() > MAX_CHAIN) {
        state = DnssecState.INDETERMINATE;
        reason = "CNAME chain from " + qname + " is longer than " + MAX_CHAIN + " links";
        break;
      }
    }
    List<Record> records = state == DnssecState.INDETERMINATE ? List.of()
        : recordsAt(answers, current, qtype);
    return new Answer(qname, qtype, state, reply.getRcode(), records, chain, reason,
        extendedError(reply), Optional.of(from), stateFromAdBit);
  }

  /** The first Extended DNS Error option of the reply (RFC 8914), if any. */
  static Optional<ExtendedDnsError> extendedError(Message reply) {
    OPTRecord opt = reply.getOPT();
    if (opt == null) {
      return Optional.empty();
    }
    for (EDNSOption option : opt.getOptions(EDNSOption.Code.EDNS_EXTENDED_ERROR)) {
      if (option instanceof ExtendedErrorCodeOption e) {
        return Optional.of(new ExtendedDnsError(e.getErrorCode(), e.getText()));
      }
    }
    return Optional.empty();
  }

  private static Optional<CNAMERecord> cnameAt(List<Record> answers, Name owner) {
    for (Record r : answers) {
      if (r instanceof CNAMERecord c && c.getName().equals(owner)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  private static List<Record> recordsAt(List<Record> answers, Name owner, int type) {
    List<Record> out = new ArrayList<>();
    for (Record r : answers) {
      if (r.getType() == type && r.getName().equals(owner)) {
        // Answers may come in any letter case (0x20 randomisation); we keep lower case.
        out.add(r.withName(DomainName.canonical(r.getName())));
      }
    }
    return out;
  }
}
