package dev.smtpdane.discover;

import dev.smtpdane.dns.Answer;
import dev.smtpdane.dns.CnameLink;
import dev.smtpdane.dns.DnsLookup;
import dev.smtpdane.dns.DnssecState;
import dev.smtpdane.dns.DomainName;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * An in-memory {@link DnsLookup}: answers given by the test, every query recorded, and a query
 * nobody scripted fails the test at once (never a silent default).
 */
final class FakeDns implements DnsLookup {
  private record Key(Name name, int type) {}

  static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 53);
  private final Map<Key, Answer> answers = new ConcurrentHashMap<>();
  private final List<String> asked = new CopyOnWriteArrayList<>();
  private InetSocketAddress resolver = LOCAL;

  /** Later answers claim to come from {@code address} (no packet is ever sent). */
  FakeDns from(InetSocketAddress address) {
    this.resolver = address;
    return this;
  }

  /** Records in zone-file rdata form, e.g. {@code secure("x.test", "MX", "10 mx.x.test.")}. */
  FakeDns secure(String name, String type, String... rdata) {
    return data(DnssecState.SECURE, name, type, List.of(), rdata);
  }

  FakeDns insecure(String name, String type, String... rdata) {
    return data(DnssecState.INSECURE, name, type, List.of(), rdata);
  }

  /** Data reached through aliases: {@code chain} alternates owner and target names. */
  FakeDns viaCname(DnssecState state, String name, String type, List<String> chain,
      String... rdata) {
    List<CnameLink> links = new ArrayList<>();
    for (int i = 0; i + 1 < chain.size(); i++) {
      links.add(new CnameLink(n(chain.get(i)), n(chain.get(i + 1)), state));
    }
    return data(state, name, type, links, rdata);
  }

  /**
   * Data reached through aliases whose CNAME RRsets have states of their own (as the resolvers
   * report after asking each alias on its own): {@code chain} alternates owner and target
   * names, {@code links} gives one state per alias, {@code state} is the whole answer's.
   */
  FakeDns viaLinks(DnssecState state, String name, String type, List<String> chain,
      List<DnssecState> links, String... rdata) {
    List<CnameLink> aliases = new ArrayList<>();
    for (int i = 0; i + 1 < chain.size(); i++) {
      aliases.add(new CnameLink(n(chain.get(i)), n(chain.get(i + 1)), links.get(i)));
    }
    return data(state, name, type, aliases, rdata);
  }

  FakeDns nxdomain(DnssecState state, String name, String type) {
    return put(name, type, new Answer(n(name), Type.value(type), state, Rcode.NXDOMAIN,
        List.of(), List.of(), "", Optional.empty(), Optional.of(resolver), true));
  }

  FakeDns failed(DnssecState state, String name, String type, String reason) {
    return put(name, type, new Answer(n(name), Type.value(type), state, Rcode.SERVFAIL,
        List.of(), List.of(), reason, Optional.empty(), Optional.of(resolver), false));
  }

  /** A host with secure IPv4 addresses and a secure "no AAAA". */
  FakeDns host(String name, String... ipv4) {
    secure(name, "A", ipv4);
    return secure(name, "AAAA");
  }

  List<String> asked() {
    return asked;
  }

  @Override
  public Answer lookup(Name name, int type) {
    asked.add(DomainName.text(name) + " " + Type.string(type));
    Answer answer = answers.get(new Key(name, type));
    if (answer == null) {
      throw new AssertionError("unscripted query " + name + " " + Type.string(type));
    }
    return answer;
  }

  private FakeDns data(DnssecState state, String name, String type, List<CnameLink> chain,
      String... rdata) {
    Name owner = chain.isEmpty() ? n(name) : chain.get(chain.size() - 1).target();
    int t = Type.value(type);
    List<Record> records = new ArrayList<>();
    for (String text : rdata) {
      try {
        records.add(Record.fromString(owner, t, DClass.IN, 300, text, Name.root));
      } catch (IOException e) {
        throw new IllegalArgumentException(text, e);
      }
    }
    String reason = state == DnssecState.SECURE ? "" : "not signed";
    return put(name, type, new Answer(n(name), t, state, Rcode.NOERROR, records, chain, reason,
        Optional.empty(), Optional.of(resolver), true));
  }

  private FakeDns put(String name, String type, Answer answer) {
    answers.put(new Key(n(name), Type.value(type)), answer);
    return this;
  }

  private static Name n(String text) {
    return DomainName.parse(text);
  }
}
