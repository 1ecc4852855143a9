package dev.smtpdane.lab.dns;

import dev.smtpdane.lab.dns.LoopbackDnsServer.Transport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * A recursive resolver that does not validate: it passes the authority's answers on as they
 * are, signatures and all when asked with DO, bogus or not. It either never sets AD (a plain
 * non-validating resolver) or sets it on every answer (a forged AD bit: what an attacker on the
 * path to a remote resolver can produce, RFC 4035 §4.9.3).
 */
final class ForwardingFront implements LoopbackDnsServer.Handler {
  private final SimpleResolver upstream;
  private final boolean forgeAd;

  ForwardingFront(InetSocketAddress authority, Duration timeout, boolean forgeAd) {
    this.upstream = new SimpleResolver(authority);
    upstream.setTimeout(timeout);
    this.forgeAd = forgeAd;
  }

  @Override
  public Optional<Message> answer(Message query, Transport transport) {
    Message reply = LoopbackDnsServer.reply(query);
    reply.getHeader().setFlag(Flags.RA);
    Record question = query.getQuestion();
    if (question == null) {
      reply.getHeader().setRcode(Rcode.FORMERR);
      return Optional.of(reply);
    }
    Message forwarded = Message.newQuery(question);
    if (query.getOPT() != null) {
      forwarded.addRecord(query.getOPT(), Section.ADDITIONAL); // the client's DO bit goes on
    }
    try {
      Message answer = upstream.send(forwarded);
      reply.getHeader().setRcode(answer.getRcode());
      for (int section : new int[] {Section.ANSWER, Section.AUTHORITY, Section.ADDITIONAL}) {
        answer.getSection(section).stream().filter(r -> r.getType() != Type.OPT)
            .forEach(r -> reply.addRecord(r, section));
      }
      int rcode = answer.getRcode();
      if (forgeAd && (rcode == Rcode.NOERROR || rcode == Rcode.NXDOMAIN)) {
        reply.getHeader().setFlag(Flags.AD);
      }
    } catch (IOException e) {
      reply.getHeader().setRcode(Rcode.SERVFAIL);
    }
    return Optional.of(Authority.withOpt(reply, query));
  }
}
