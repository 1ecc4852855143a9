package dev.smtpdane.lab;

import dev.smtpdane.lab.dns.LabDns;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * The embedded DANE lab: every scenario of {@link LabScenarios} served at once from one signed
 * DNS hierarchy (lab root {@code .} → {@code test.} → a zone per scenario), a validating
 * resolver in front of it, and in-process SMTP servers on loopback. Keys and certificates are
 * made fresh at every start; nothing is read from disk, nothing leaves loopback.
 *
 * <pre>{@code
 * try (DaneLab lab = DaneLab.start()) {
 *   for (Scenario s : lab.runnable()) {
 *     Main.run(out, err, lab.commandLine(s).toArray(String[]::new));
 *   }
 * }
 * }</pre>
 */
public final class DaneLab implements AutoCloseable {
  private final LabDns dns;
  private final LabListeners listeners;
  private final List<Scenario> scenarios;
  private final Duration startup;
  private final LabSettings settings;

  private DaneLab(LabDns dns, LabListeners listeners, List<Scenario> scenarios,
      Duration startup, LabSettings settings) {
    this.dns = dns;
    this.listeners = listeners;
    this.scenarios = scenarios;
    this.startup = startup;
    this.settings = settings;
  }

  public static DaneLab start() {
    return start(LabSettings.defaults());
  }

  /** Makes the keys and certificates, starts the SMTP servers, then signs and serves DNS. */
  public static DaneLab start(LabSettings settings) {
    long t0 = System.nanoTime();
    List<ScenarioDefinition> catalogue = LabScenarios.definitions();
    List<ScenarioDefinition> defs = new ArrayList<>(catalogue);
    if (settings.bulkDomains() > 0) {
      defs.add(BulkDomains.definition(settings.bulkDomains()));
    }
    LabPki pki = LabPki.create(Instant.now());
    LabListeners listeners = LabListeners.start(defs, pki, settings);
    try {
      List<ScenarioDefinition> runnable = defs.stream()
          .filter(d -> listeners.skipReason(d.name()).isEmpty()).toList();
      LabDns dns = LabDnsWorld.start(runnable, listeners, settings);
      prime(dns);
      return new DaneLab(dns, listeners, catalogue.stream().map(ScenarioDefinition::scenario)
          .toList(), Duration.ofNanos(System.nanoTime() - t0), settings);
    } catch (RuntimeException e) {
      listeners.close();
      throw e;
    }
  }

  /**
   * Asks the resolver once for {@code test.} so that its validator holds the keys of the lab
   * root and {@code test.} before clients arrive: otherwise dozens of first queries at once
   * each fetch and check the same keys, and on a busy machine some miss the upstream timeout.
   */
  private static void prime(LabDns dns) {
    try {
      SimpleResolver r = new SimpleResolver(dns.resolver());
      r.setTimeout(Duration.ofSeconds(5));
      r.send(Message.newQuery(Record.newRecord(Name.fromConstantString("test."), Type.SOA,
          DClass.IN)));
    } catch (IOException e) {
      // Only a head start: the lab works without it.
    }
  }

  /** The validating resolver (UDP and TCP): AD=1 on secure answers, like Unbound. */
  public InetSocketAddress resolver() {
    return dns.resolver();
  }

  /** The authoritative server for every lab zone, for a client that validates by itself. */
  public InetSocketAddress authoritative() {
    return dns.authoritative();
  }

  /** The DS record of the lab root {@code .} in zone-file format: the lab's trust anchor. */
  public String trustAnchor() {
    return dns.trustAnchor();
  }

  /** The whole catalogue, in catalogue order, including scenarios that cannot run here. */
  public List<Scenario> scenarios() {
    return scenarios;
  }

  /** The scenarios that run here. */
  public List<Scenario> runnable() {
    return scenarios.stream().filter(s -> skipReason(s).isEmpty()).toList();
  }

  public Optional<Scenario> scenario(String name) {
    return scenarios.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** Why a scenario cannot run on this system (e.g. no {@code ::1}), if it cannot. */
  public Optional<String> skipReason(Scenario s) {
    return listeners.skipReason(s.name());
  }

  /** The port the scenario's SMTP servers listen on (its TLSA records are at _PORT._tcp). */
  public int port(Scenario s) {
    return listeners.port(s.name());
  }

  /** The one port of every SMTP server, unless the lab had to fall back to a port each. */
  public OptionalInt sharedPort() {
    return listeners.sharedPort();
  }

  /** One sentence on how the SMTP servers are addressed on this system. */
  public String addressing() {
    return listeners.addressing();
  }

  /** The SMTP servers of a scenario. */
  public List<InetSocketAddress> smtpAddresses(Scenario s) {
    return listeners.servers(s.name()).stream().map(LabListeners.Bound::address).toList();
  }

  /**
   * The tool's command line for a scenario: the lab resolver, the scenario's port, the
   * scenario's own options, then its target. Output options may be added before it.
   */
  public List<String> commandLine(Scenario s) {
    List<String> args = new ArrayList<>(List.of("--resolver", endpoint(resolver()),
        "-port", Integer.toString(port(s))));
    args.addAll(s.arguments());
    args.add(s.target());
    return List.copyOf(args);
  }

  /**
   * The extra good domains of {@link LabSettings#bulkDomains()} ({@code d00001.bulk.test} ...,
   * checked with {@code -mx} and {@link #sharedPort()}), or why they cannot be served here.
   */
  public List<String> bulkDomains() {
    return bulkSkipReason().isPresent() ? List.of()
        : BulkDomains.names(settings.bulkDomains());
  }

  /** Why the bulk domains cannot be served on this system, if they were asked for. */
  public Optional<String> bulkSkipReason() {
    return settings.bulkDomains() == 0 ? Optional.empty()
        : listeners.skipReason(BulkDomains.NAME);
  }

  /** The simulated round-trip time between the tool and the lab (zero: none). */
  public Duration latency() {
    return settings.latency();
  }

  /** How long {@link #start} took. */
  public Duration startupTime() {
    return startup;
  }

  @Override
  public void close() {
    listeners.close();
    dns.close();
  }

  static String endpoint(InetSocketAddress a) {
    String host = a.getAddress().getHostAddress();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
  }
}
