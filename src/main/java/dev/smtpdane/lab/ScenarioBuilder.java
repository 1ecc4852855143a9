package dev.smtpdane.lab;

import dev.smtpdane.lab.dns.Fault;
import dev.smtpdane.lab.ScenarioSetup.HostDecl;
import dev.smtpdane.lab.ScenarioSetup.RecordDecl;
import dev.smtpdane.lab.ScenarioSetup.ZoneDecl;
import dev.smtpdane.report.FindingCode;
import dev.smtpdane.report.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.xbill.DNS.Type;

/**
 * Declares one scenario in a few chained calls. Names are relative to the scenario's own zone
 * ({@code NAME.test.}) unless they end with a dot; {@code "@"} is that zone's apex. By default
 * the target is the zone's domain, checked with {@code -mx}.
 *
 * <pre>{@code
 * scenario("ee-311-good", "DANE-EE 3 1 1 matches the server key")
 *     .mx(10, "mx").host("mx", server()).tlsa("mx", ee(1, 1))
 *     .expect(VERIFIED, 0, DANE_VERIFIED)
 * }</pre>
 */
final class ScenarioBuilder {
  private final String name;
  private final String description;
  private final String theme;
  private final String zone;
  private final List<ZoneDecl> zones = new ArrayList<>();
  private final Map<String, HostDecl> hosts = new LinkedHashMap<>();
  private final List<RecordDecl> records = new ArrayList<>();
  private String target;
  private List<String> arguments = List.of("-mx");
  private Optional<String> worldOf = Optional.empty();
  private Expectation expected;
  private boolean slow;

  private ScenarioBuilder(String theme, String name, String description) {
    if (!name.matches("[a-z0-9][a-z0-9-]{0,24}")) {
      throw new IllegalArgumentException("scenario name must be a short DNS label: " + name);
    }
    this.theme = theme;
    this.name = name;
    this.description = description;
    this.zone = name + ".test.";
    this.target = name + ".test";
    zones.add(new ZoneDecl(zone, true));
  }

  static ScenarioBuilder scenario(String theme, String name, String description) {
    return new ScenarioBuilder(theme, name, description);
  }

  /** The scenario's own zone is served unsigned (an insecure delegation from {@code test.}). */
  ScenarioBuilder unsigned() {
    zones.set(0, new ZoneDecl(zone, false));
    return this;
  }

  /** The scenario needs no zone of its own (e.g. a name that must not exist). */
  ScenarioBuilder noZone() {
    zones.remove(0);
    return this;
  }

  /** Another zone, e.g. a child zone that is unsigned, or a signed zone for the hosts. */
  ScenarioBuilder zone(String origin, boolean signed) {
    zones.add(new ZoneDecl(abs(origin), signed));
    return this;
  }

  /** Runs with other arguments against the world of {@code scenarioName}. */
  ScenarioBuilder worldOf(String scenarioName) {
    zones.clear();
    worldOf = Optional.of(scenarioName);
    return this;
  }

  ScenarioBuilder mx(int preference, String host) {
    String exchange = abs(host);
    return record(lab -> lab.add(zone, z -> z.mx(zone, preference, exchange)));
  }

  /** An MX record at {@code owner} (another name than the zone's apex). */
  ScenarioBuilder mxAt(String owner, int preference, String host) {
    String at = abs(owner);
    String exchange = abs(host);
    return record(lab -> lab.add(at, z -> z.mx(at, preference, exchange)));
  }

  ScenarioBuilder nullMx() {
    return record(lab -> lab.add(zone, z -> z.nullMx(zone)));
  }

  /** An SRV record {@code 0 1 PORT host} with the port the host's servers listen on. */
  ScenarioBuilder srv(String service, String host) {
    String owner = abs(service);
    String at = abs(host);
    return record(lab -> lab.add(owner, z -> z.srv(owner, 0, 1, lab.port(at), at)));
  }

  /** An SRV record with target "." (RFC 2782: the service is decidedly not available). */
  ScenarioBuilder srvNotOffered(String service) {
    String owner = abs(service);
    return record(lab -> lab.add(owner, z -> z.srv(owner, 0, 0, 0, ".")));
  }

  ScenarioBuilder cname(String alias, String canonical) {
    String owner = abs(alias);
    String to = abs(canonical);
    return record(lab -> lab.add(owner, z -> z.cname(owner, to)));
  }

  /** A host name served by these SMTP servers (one address record each). */
  ScenarioBuilder host(String host, ServerSpec... servers) {
    String h = abs(host);
    HostDecl old = hosts.get(h);
    List<ServerSpec> all = new ArrayList<>(old == null ? List.of() : old.servers());
    all.addAll(List.of(servers));
    hosts.put(h, new HostDecl(h, all, old == null ? List.of() : old.deadAddresses()));
    return this;
  }

  /** An address record of {@code host} with no server behind it. */
  ScenarioBuilder deadAddress(String host, String literal) {
    String h = abs(host);
    HostDecl old = hosts.getOrDefault(h, new HostDecl(h, List.of(), List.of()));
    List<String> dead = new ArrayList<>(old.deadAddresses());
    dead.add(literal);
    hosts.put(h, new HostDecl(h, old.servers(), dead));
    return this;
  }

  /** TLSA records at {@code _PORT._tcp.host} for the certificates of the host's server. */
  ScenarioBuilder tlsa(String host, TlsaSpec... specs) {
    return tlsaOf(host, host, specs);
  }

  /** TLSA records at {@code _PORT._tcp.owner} for the certificates of {@code serverHost}. */
  ScenarioBuilder tlsaOf(String owner, String serverHost, TlsaSpec... specs) {
    String base = abs(owner);
    String server = abs(serverHost);
    return record(lab -> {
      String at = "_" + lab.port(server) + "._tcp." + base;
      IssuedChain chain = lab.chain(server);
      for (TlsaSpec s : specs) {
        byte[] data = s.data(chain.certificate(s.subject()));
        lab.add(at, z -> z.tlsa(at, s.usage(), s.selector(), s.matchingType(), data));
      }
    });
  }

  ScenarioBuilder fault(String owner, int type, Fault fault) {
    String at = abs(owner);
    return record(lab -> lab.fault(at, type, fault));
  }

  /** A fault on the TLSA RRset of {@code host}. */
  ScenarioBuilder tlsaFault(String host, Fault fault) {
    String h = abs(host);
    return record(lab -> lab.fault("_" + lab.port(h) + "._tcp." + h, Type.TLSA, fault));
  }

  /** The check waits for a timeout: the demo starts it first. */
  ScenarioBuilder slow() {
    this.slow = true;
    return this;
  }

  /** The command-line options, replacing the default {@code -mx}. */
  ScenarioBuilder arguments(String... args) {
    this.arguments = List.of(args);
    return this;
  }

  ScenarioBuilder target(String argument) {
    this.target = argument;
    return this;
  }

  ScenarioBuilder expect(Verdict verdict, int exitCode, FindingCode... codes) {
    this.expected = new Expectation(verdict, exitCode, Set.of(codes), Set.of(), Map.of());
    return this;
  }

  /** At least one of these codes must appear too. */
  ScenarioBuilder expectAnyOf(FindingCode... codes) {
    Expectation e = expectation();
    this.expected = new Expectation(e.verdict(), e.exitCode(), e.codes(), Set.of(codes),
        e.hosts());
    return this;
  }

  /** The verdict one host must have. */
  ScenarioBuilder expectHost(String host, Verdict verdict) {
    Expectation e = expectation();
    Map<String, Verdict> h = new LinkedHashMap<>(e.hosts());
    String n = abs(host);
    h.put(n.substring(0, n.length() - 1), verdict);
    this.expected = new Expectation(e.verdict(), e.exitCode(), e.codes(), e.anyOf(), h);
    return this;
  }

  ScenarioDefinition build() {
    boolean ipv6 = hosts.values().stream().flatMap(h -> h.servers().stream())
        .anyMatch(ServerSpec::ipv6);
    Scenario s = new Scenario(name, description, theme, target, arguments, expectation(), ipv6,
        slow);
    return new ScenarioDefinition(s, new ScenarioSetup(zones, List.copyOf(hosts.values()),
        records, worldOf));
  }

  private Expectation expectation() {
    if (expected == null) {
      throw new IllegalStateException("scenario " + name + " has no expectation");
    }
    return expected;
  }

  private ScenarioBuilder record(RecordDecl r) {
    records.add(r);
    return this;
  }

  /** An absolute name: relative names are inside the scenario's zone. */
  private String abs(String n) {
    if (n.equals("@")) {
      return zone;
    }
    return n.endsWith(".") ? n : n + "." + zone;
  }
}
