package dev.smtpdane.dns;

import dev.smtpdane.lab.dns.LoopbackDnsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;

/**
 * A loopback DNS server in front of another one: it passes every query on unchanged (CD and DO
 * included), records the questions, and may rewrite the replies, so tests can count round
 * trips and play resolvers that lie.
 */
final class Forwarder implements AutoCloseable {
  /** A question as received, with its CD bit. */
  record Asked(Name name, int type, boolean cd) {}

  private final List<Asked> asked = new CopyOnWriteArrayList<>();
  private final LoopbackDnsServer server;

  Forwarder(InetSocketAddress target, UnaryOperator<Message> rewrite) {
    SimpleResolver upstream = new SimpleResolver(target);
    upstream.setTimeout(Duration.ofSeconds(5));
    server = LoopbackDnsServer.start((query, transport) -> {
      Record q = query.getQuestion();
      asked.add(new Asked(q.getName(), q.getType(), query.getHeader().getFlag(Flags.CD)));
      try {
        return Optional.of(rewrite.apply(upstream.send(query)));
      } catch (IOException e) {
        Message reply = LoopbackDnsServer.reply(query);
        reply.getHeader().setRcode(Rcode.SERVFAIL);
        return Optional.of(reply);
      }
    });
  }

  Forwarder(InetSocketAddress target) {
    this(target, UnaryOperator.identity());
  }

  InetSocketAddress address() {
    return server.address();
  }

  List<Asked> asked() {
    return List.copyOf(asked);
  }

  void forget() {
    asked.clear();
  }

  @Override
  public void close() {
    server.close();
  }
}
