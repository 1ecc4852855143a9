package dev.smtpdane.dns;

import dev.smtpdane.lab.dns.LoopbackDnsServer;
import dev.smtpdane.lab.dns.LoopbackDnsServer.Transport;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import org.xbill.DNS.DClass;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.ExtendedErrorCodeOption;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Tokenizer;

/**
 * A loopback DNS server answering from a script, recording every query it receives (and over
 * which transport), so tests can check both the answer handling and what was asked.
 */
final class ScriptedResolver implements AutoCloseable {
  record Query(Message message, Transport transport) {
    boolean cd() {
      return message.getHeader().getFlag(Flags.CD);
    }
  }

  private final List<Query> queries = new CopyOnWriteArrayList<>();
  private final LoopbackDnsServer server;

  ScriptedResolver(BiFunction<Message, Transport, Optional<Message>> script) {
    server = LoopbackDnsServer.start((q, t) -> {
      queries.add(new Query(q, t));
      return script.apply(q, t);
    });
  }

  InetSocketAddress address() {
    return server.address();
  }

  List<Query> queries() {
    return queries;
  }

  @Override
  public void close() {
    server.close();
  }

  /** A reply to {@code query} with the given RCODE, AD bit and answer records (zone text). */
  static Message reply(Message query, int rcode, boolean ad, String... answers) {
    Message m = LoopbackDnsServer.reply(query);
    m.getHeader().setRcode(rcode);
    m.getHeader().setFlag(Flags.RA);
    if (ad) {
      m.getHeader().setFlag(Flags.AD);
    }
    for (String text : answers) {
      m.addRecord(record(text), Section.ANSWER);
    }
    return m;
  }

  /** Adds an OPT record carrying an Extended DNS Error. */
  static Message withEde(Message m, int code, String text) {
    List<EDNSOption> options = List.of(new ExtendedErrorCodeOption(code, text));
    m.addRecord(new OPTRecord(1232, 0, 0, 0, options), Section.ADDITIONAL);
    return m;
  }

  static Record record(String text) {
    try {
      Tokenizer t = new Tokenizer(text);
      org.xbill.DNS.Name owner = t.getName(org.xbill.DNS.Name.root);
      long ttl = t.getTTL();
      int type = org.xbill.DNS.Type.value(t.getString());
      return Record.fromString(owner, type, DClass.IN, ttl, t, org.xbill.DNS.Name.root);
    } catch (TextParseException e) {
      throw new IllegalArgumentException(text, e);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(text, e);
    }
  }
}
