package dev.smtpdane.hostile;

import dev.smtpdane.lab.dns.LoopbackDnsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A hostile "validating resolver" for whole-tool tests: answers from a record list with AD=1,
 * following CNAMEs the way a recursive resolver puts the chain in the answer (loops included,
 * up to 64 links), NXDOMAIN for names without records. It serves whatever the test scripts,
 * however unreasonable: hundreds of records, absurd targets, padded replies.
 */
public final class ScriptedZone implements LoopbackDnsServer.Handler {
  private final Map<Name, List<Record>> byOwner = new ConcurrentHashMap<>();
  private volatile UnaryOperator<Message> finish = UnaryOperator.identity();

  /** Adds a record in zone-file form: {@code add("x.test.", "MX", "10 mx.x.test.")}. */
  public ScriptedZone add(String owner, String type, String rdata) {
    try {
      Record r = Record.fromString(Name.fromString(owner), Type.value(type), DClass.IN, 300,
          rdata, Name.root);
      byOwner.computeIfAbsent(r.getName(), n -> new ArrayList<>()).add(r);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(owner + " " + type + " " + rdata, e);
    }
  }

  /** Rewrites every reply before it is sent (e.g. pads it). */
  public ScriptedZone finishing(UnaryOperator<Message> f) {
    this.finish = f;
    return this;
  }

  @Override
  public Optional<Message> answer(Message query, LoopbackDnsServer.Transport transport) {
    Message reply = LoopbackDnsServer.reply(query);
    reply.getHeader().setFlag(Flags.RA);
    reply.getHeader().setFlag(Flags.AD);
    Name name = query.getQuestion().getName().canonicalize();
    int type = query.getQuestion().getType();
    Set<Name> seen = new HashSet<>();
    for (int links = 0; links < 64 && seen.add(name); links++) {
      List<Record> here = byOwner.getOrDefault(name, List.of());
      Optional<Record> alias = here.stream().filter(r -> r.getType() == Type.CNAME).findFirst();
      if (alias.isPresent() && type != Type.CNAME) {
        reply.addRecord(alias.get(), Section.ANSWER);
        name = ((CNAMERecord) alias.get()).getTarget().canonicalize();
        continue;
      }
      if (here.isEmpty()) {
        reply.getHeader().setRcode(Rcode.NXDOMAIN);
      }
      here.stream().filter(r -> r.getType() == type)
          .forEach(r -> reply.addRecord(r, Section.ANSWER));
      break;
    }
    return Optional.of(finish.apply(reply));
  }
}
