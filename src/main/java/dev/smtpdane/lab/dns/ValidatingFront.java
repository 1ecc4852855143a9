package dev.smtpdane.lab.dns;

import dev.smtpdane.lab.dns.LoopbackDnsServer.Transport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.ExtendedErrorCodeOption;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;
import org.xbill.DNS.dnssec.ValidatingResolver;

/**
 * The lab's validating recursive resolver, behaving as Unbound does towards a stub: AD=1 for
 * secure data, AD=0 for insecure data, SERVFAIL with an Extended DNS Error (RFC 8914) carrying
 * the validator's reason for bogus data, SERVFAIL with EDE 22 when the authority fails, and
 * unvalidated data when the query sets CD (RFC 4035 §3.2.2). Validation is dnsjava's
 * {@link ValidatingResolver} with the lab root's key as the only trust anchor.
 *
 * <p>Like Unbound it caches what it validated (answers with data or a proven denial; never a
 * failure), for as long as the lab runs: the lab's zones never change, and without a cache
 * each of a thousand domains would cost the same signature checks again.
 */
final class ValidatingFront implements LoopbackDnsServer.Handler {
  /** The most answers kept; past it, answers are validated afresh each time. */
  private static final int CACHE_LIMIT = 200_000;

  /** One question, as the cache knows it: owner in lower case, type, class, CD. */
  private record Question(Name name, int type, int dclass, boolean cd) {}

  private final SimpleResolver upstream;
  private final ValidatingResolver validator;
  private final FaultPlan faults;
  private final boolean randomizeCase;
  private final Map<Question, Message> cache = new ConcurrentHashMap<>();

  ValidatingFront(InetSocketAddress authority, String trustAnchor, Duration upstreamTimeout,
      FaultPlan faults, boolean randomizeCase) {
    this.upstream = new SimpleResolver(authority);
    upstream.setTimeout(upstreamTimeout);
    upstream.setEDNS(0, 1232, ExtendedFlags.DO, List.of());
    SimpleResolver head = new SimpleResolver(authority);
    head.setTimeout(upstreamTimeout);
    this.validator = new ValidatingResolver(head);
    validator.setTimeout(upstreamTimeout);
    try {
      validator.loadTrustAnchors(
          new ByteArrayInputStream(trustAnchor.getBytes(StandardCharsets.US_ASCII)));
    } catch (IOException e) {
      throw new UncheckedIOException("bad lab trust anchor", e);
    }
    this.faults = faults;
    this.randomizeCase = randomizeCase;
  }

  @Override
  public Optional<Message> answer(Message query, Transport transport) {
    Record question = query.getQuestion();
    Message reply = LoopbackDnsServer.reply(query);
    reply.getHeader().setFlag(Flags.RA);
    if (question == null) {
      reply.getHeader().setRcode(Rcode.FORMERR);
      return Optional.of(reply);
    }
    boolean cd = query.getHeader().getFlag(Flags.CD);
    if (cd) {
      reply.getHeader().setFlag(Flags.CD);
    }
    if (transport == Transport.UDP
        && faults.at(question.getName(), question.getType()).equals(Optional.of(Fault.TRUNCATE))) {
      reply.getHeader().setFlag(Flags.TC);
      return Optional.of(Authority.withOpt(reply, query));
    }
    Optional<EDNSOption> ede = resolve(Message.newQuery(question), reply, cd,
        Authority.wantsDnssec(query));
    if (query.getOPT() != null) {
      int flags = Authority.wantsDnssec(query) ? ExtendedFlags.DO : 0;
      List<EDNSOption> options = ede.map(List::of).orElse(List.of());
      reply.addRecord(new OPTRecord(1232, 0, 0, flags, options), Section.ADDITIONAL);
    }
    return Optional.of(randomizeCase ? CaseRandomizer.apply(reply) : reply);
  }

  /** Asks the validator (or, with CD, the authority) and fills the reply; returns the EDE. */
  private Optional<EDNSOption> resolve(Message upstreamQuery, Message reply, boolean cd,
      boolean dnssec) {
    try {
      Record q = upstreamQuery.getQuestion();
      Question key = new Question(q.getName().canonicalize(), q.getType(), q.getDClass(), cd);
      Message cached = cache.get(key);
      if (cached != null) {
        return copy(cached, reply, cd, dnssec);
      }
      Message answer = cd ? upstream.send(upstreamQuery) : validator.send(upstreamQuery);
      int rcode = answer.getRcode();
      if (rcode == Rcode.NOERROR || rcode == Rcode.NXDOMAIN) {
        if (cache.size() < CACHE_LIMIT) {
          cache.put(key, answer); // only ever read after this
        }
        return copy(answer, reply, cd, dnssec);
      }
      // Like Unbound: any failure ends in SERVFAIL; the EDE says whether validation failed or
      // the authority did.
      reply.getHeader().setRcode(Rcode.SERVFAIL);
      Optional<EDNSOption> fromValidator = copy(answer, new Message(), cd, dnssec);
      return authorityFailure(upstreamQuery).or(() -> fromValidator);
    } catch (IOException e) {
      reply.getHeader().setRcode(Rcode.SERVFAIL);
      return Optional.of(noReachableAuthority("authority did not answer in time"));
    }
  }

  private static EDNSOption noReachableAuthority(String text) {
    return new ExtendedErrorCodeOption(ExtendedErrorCodeOption.NO_REACHABLE_AUTHORITY, text);
  }

  /**
   * Copies the validator's answer into the reply, without the validator's private reason TXT
   * (class 65280) and, unless DO was set, without DNSSEC records (RFC 4035 §3.2.1). Returns the
   * Extended DNS Error to send, with the validator's reason as its text.
   */
  private static Optional<EDNSOption> copy(
      Message answer, Message reply, boolean cd, boolean dnssec) {
    reply.getHeader().setRcode(answer.getRcode());
    if (!cd && answer.getHeader().getFlag(Flags.AD)) {
      reply.getHeader().setFlag(Flags.AD);
    }
    String reason = "";
    for (int section : new int[] {Section.ANSWER, Section.AUTHORITY, Section.ADDITIONAL}) {
      for (Record r : answer.getSection(section)) {
        if (r.getDClass() == ValidatingResolver.VALIDATION_REASON_QCLASS
            && r instanceof TXTRecord t) {
          reason = String.join("", t.getStrings());
        } else if (r.getType() != Type.OPT && (dnssec || !isDnssecType(r.getType()))) {
          reply.addRecord(r, section);
        }
      }
    }
    OPTRecord opt = answer.getOPT();
    if (opt == null) {
      return Optional.empty();
    }
    for (EDNSOption o : opt.getOptions(EDNSOption.Code.EDNS_EXTENDED_ERROR)) {
      int code = ((ExtendedErrorCodeOption) o).getErrorCode();
      return Optional.of(new ExtendedErrorCodeOption(code, reason));
    }
    return Optional.empty();
  }

  /**
   * When validation ends in SERVFAIL, asks the authority directly (CD-style): if it fails too,
   * the cause is the authority, not the signatures, and the EDE says so (RFC 8914 §4.23).
   */
  private Optional<EDNSOption> authorityFailure(Message upstreamQuery) {
    try {
      Message direct = upstream.send(upstreamQuery);
      int rcode = direct.getRcode();
      if (rcode == Rcode.NOERROR || rcode == Rcode.NXDOMAIN) {
        return Optional.empty();
      }
      return Optional.of(noReachableAuthority("authority answered " + Rcode.string(rcode)));
    } catch (IOException e) {
      return Optional.of(noReachableAuthority("authority did not answer in time"));
    }
  }

  private static boolean isDnssecType(int type) {
    return type == Type.RRSIG || type == Type.NSEC || type == Type.NSEC3;
  }
}
