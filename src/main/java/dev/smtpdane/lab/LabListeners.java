package dev.smtpdane.lab;

import dev.smtpdane.lab.ScenarioSetup.HostDecl;
import dev.smtpdane.lab.smtp.LabSmtpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The lab's SMTP servers. Normally every server gets its own 127.25.x.y address and all share
 * one port P, so {@code -mx} works with a single {@code -port P} and every TLSA record sits at
 * {@code _P._tcp}. Where only 127.0.0.1 can be bound (macOS without aliases, some containers),
 * each scenario gets a port of its own on 127.0.0.1 instead, and scenarios that need two servers
 * of one address family are skipped with a reason. IPv6 servers listen on {@code ::1}.
 */
final class LabListeners implements AutoCloseable {
  private static final int BIND_ATTEMPTS = 8;
  private static final int KEEP_TRANSCRIPTS = 32;
  private static final int NO_SERVER_PORT = 25;

  /** One running server and the certificates it presents. */
  record Bound(ServerSpec spec, IssuedChain chain, InetSocketAddress address,
      LabSmtpServer server) {}

  /** A server about to be started. */
  private record Planned(String scenario, String host, ServerSpec spec, IssuedChain chain,
      InetAddress address) {}

  private final Map<String, Map<String, List<Bound>>> servers = new HashMap<>();
  private final Map<String, Integer> ports = new HashMap<>();
  private final Map<String, String> skipped = new LinkedHashMap<>();
  private final LabSettings settings;
  private OptionalInt sharedPort = OptionalInt.empty();
  private String addressing = "";

  private LabListeners(LabSettings settings) {
    this.settings = settings;
  }

  static LabListeners start(List<ScenarioDefinition> defs, LabPki pki, LabSettings settings) {
    boolean ipv6 = canBind("::1");
    boolean many = settings.addressing() == LabSettings.Addressing.AUTO
        && canBind(ipv4(0)) && canBind(ipv4(1));
    LabListeners l = new LabListeners(settings);
    Map<String, List<Planned>> plan = l.plan(defs, pki, ipv6, many);
    try {
      if (many) {
        l.startShared(plan);
      } else {
        for (Map.Entry<String, List<Planned>> e : plan.entrySet()) {
          l.startAlone(e.getKey(), e.getValue());
        }
        l.addressing = "only 127.0.0.1 can be bound here, so each scenario listens on a port of"
            + " its own on 127.0.0.1" + (ipv6 ? " and ::1" : "") + " (scenarios that need two"
            + " servers of one address family are skipped)";
      }
    } catch (RuntimeException e) {
      l.close();
      throw e;
    }
    for (ScenarioDefinition d : defs) {
      d.setup().worldOf().ifPresent(owner -> l.inherit(d.name(), owner));
    }
    return l;
  }

  /** Issues certificates and picks addresses; notes the scenarios that cannot run here. */
  private Map<String, List<Planned>> plan(List<ScenarioDefinition> defs, LabPki pki,
      boolean ipv6, boolean many) {
    Map<String, List<Planned>> plan = new LinkedHashMap<>();
    Map<ChainKey, IssuedChain> chains = issue(defs, pki);
    int next = 0;
    for (ScenarioDefinition d : defs) {
      List<Planned> mine = new ArrayList<>();
      for (HostDecl h : d.setup().hosts()) {
        for (ServerSpec s : h.servers()) {
          IssuedChain chain = chains.get(new ChainKey(h.name(), s.chain()));
          String literal = s.ipv6() ? "::1" : many ? ipv4(next++) : "127.0.0.1";
          mine.add(new Planned(d.name(), h.name(), s, chain, address(literal)));
        }
      }
      long v4 = mine.stream().filter(p -> !p.spec().ipv6()).count();
      long v6 = mine.size() - v4;
      if (v6 > 0 && !ipv6) {
        skipped.put(d.name(), "the IPv6 loopback address ::1 cannot be bound here");
      } else if (!many && (v4 > 1 || v6 > 1)) {
        skipped.put(d.name(), "needs " + Math.max(v4, v6) + " servers of one address family"
            + " on distinct addresses, and only 127.0.0.1 can be bound here");
      } else {
        plan.put(d.name(), mine);
      }
    }
    return plan;
  }

  /** Servers of one host with the same chain spec present the same certificates. */
  private record ChainKey(String host, ChainSpec spec) {}

  /** Makes every chain, in parallel: key generation and signing are most of the start-up. */
  private static Map<ChainKey, IssuedChain> issue(List<ScenarioDefinition> defs, LabPki pki) {
    Set<ChainKey> keys = new LinkedHashSet<>();
    for (ScenarioDefinition d : defs) {
      for (HostDecl h : d.setup().hosts()) {
        h.servers().forEach(s -> keys.add(new ChainKey(h.name(), s.chain())));
      }
    }
    return keys.parallelStream().collect(Collectors.toConcurrentMap(k -> k, k -> pki.issue(
        k.spec(), k.host().substring(0, k.host().length() - 1))));
  }

  /** Every server on its own address, all on one port chosen by the first bind. */
  private void startShared(Map<String, List<Planned>> plan) {
    List<Planned> all = plan.values().stream().flatMap(List::stream).toList();
    if (all.stream().filter(p -> p.spec().ipv6()).count() > 1) {
      throw new IllegalStateException("only one lab server can listen on ::1 at the shared port");
    }
    for (int attempt = 1; ; attempt++) {
      try {
        int port = startAll(all, 0);
        plan.keySet().forEach(name -> ports.put(name, port));
        sharedPort = OptionalInt.of(port);
        addressing = "each scenario on its own 127.25.x.y address, all on port " + port;
        return;
      } catch (BindException e) {
        closeServers(); // the port is taken on one of the addresses: choose another
        if (attempt == BIND_ATTEMPTS) {
          throw new UncheckedIOException("cannot find a port free on every lab address", e);
        }
      }
    }
  }

  /** The servers of one scenario on 127.0.0.1 / ::1 with a port of their own. */
  private void startAlone(String scenario, List<Planned> mine) {
    if (mine.isEmpty()) {
      ports.put(scenario, NO_SERVER_PORT); // nothing listens: the tool never gets that far
      return;
    }
    for (int attempt = 1; ; attempt++) {
      try {
        ports.put(scenario, startAll(mine, 0));
        return;
      } catch (BindException e) {
        servers.remove(scenario).values().forEach(bs -> bs.forEach(b -> b.server().close()));
        if (attempt == BIND_ATTEMPTS) {
          throw new UncheckedIOException("cannot bind the servers of " + scenario, e);
        }
      }
    }
  }

  /** Starts the servers in order, all on {@code port} (0: whatever the first one gets). */
  private int startAll(List<Planned> planned, int port) throws BindException {
    int p = port;
    for (Planned x : planned) {
      LabSmtpServer s = start(x, p);
      p = s.address().getPort();
      servers.computeIfAbsent(x.scenario(), k -> new LinkedHashMap<>())
          .computeIfAbsent(x.host(), k -> new ArrayList<>())
          .add(new Bound(x.spec(), x.chain(), s.address(), s));
    }
    return p;
  }

  private LabSmtpServer start(Planned p, int port) throws BindException {
    try {
      return LabSmtpServer.builder().bindAddress(p.address()).port(port)
          .latency(settings.latency())
          .hostname(p.host().substring(0, p.host().length() - 1)).mode(p.spec().mode())
          .behaviour(p.spec().behaviour()).keepTranscripts(KEEP_TRANSCRIPTS)
          .chain(p.chain().sent(), p.chain().signingKey()).start();
    } catch (BindException e) {
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the lab SMTP server of " + p.host(), e);
    }
  }

  private void inherit(String scenario, String owner) {
    Optional.ofNullable(ports.get(owner)).ifPresent(p -> ports.put(scenario, p));
    Optional.ofNullable(skipped.get(owner)).ifPresent(r -> skipped.put(scenario, r));
    Optional.ofNullable(servers.get(owner)).ifPresent(s -> servers.put(scenario, s));
  }

  /** The servers of a host of a scenario (empty if it has none). */
  List<Bound> servers(String scenario, String host) {
    return servers.getOrDefault(scenario, Map.of()).getOrDefault(host, List.of());
  }

  /** Every server of a scenario. */
  List<Bound> servers(String scenario) {
    return servers.getOrDefault(scenario, Map.of()).values().stream()
        .flatMap(List::stream).toList();
  }

  int port(String scenario) {
    Integer p = ports.get(scenario);
    if (p == null) {
      throw new IllegalArgumentException("scenario " + scenario + " has no port (skipped?)");
    }
    return p;
  }

  Optional<String> skipReason(String scenario) {
    return Optional.ofNullable(skipped.get(scenario));
  }

  OptionalInt sharedPort() {
    return sharedPort;
  }

  /** One sentence on how the servers are addressed here. */
  String addressing() {
    return addressing;
  }

  @Override
  public void close() {
    closeServers();
  }

  private void closeServers() {
    servers.values().stream().distinct()
        .forEach(m -> m.values().forEach(bs -> bs.forEach(b -> b.server().close())));
    servers.clear();
  }

  /** The i-th lab IPv4 address: 127.25.0.1, 127.25.0.2, ... (never 127.0.0.1). */
  static String ipv4(int i) {
    return "127.25." + (i / 250) + "." + (i % 250 + 1);
  }

  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal); // a literal: never a lookup
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(literal, e);
    }
  }

  private static boolean canBind(String literal) {
    try (ServerSocket s = new ServerSocket(0, 1, address(literal))) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
