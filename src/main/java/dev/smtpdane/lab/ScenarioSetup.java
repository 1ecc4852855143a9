package dev.smtpdane.lab;

import dev.smtpdane.lab.dns.Fault;
import dev.smtpdane.lab.dns.LabZone;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What one scenario puts into the lab: its zones, its hosts with their SMTP servers, and the
 * records and faults that depend on the lab's addresses, ports and certificates (known only at
 * start-up, so each is a {@link RecordDecl} applied then). All names are absolute, with the
 * trailing dot.
 *
 * @param zones the zones the scenario owns
 * @param hosts host names with their servers (each server adds an A or AAAA record)
 * @param records everything else: MX, SRV, CNAME, TLSA, faults
 * @param worldOf the scenario whose world this one reuses with other arguments, if any
 */
record ScenarioSetup(
    List<ZoneDecl> zones,
    List<HostDecl> hosts,
    List<RecordDecl> records,
    Optional<String> worldOf) {
  ScenarioSetup {
    zones = List.copyOf(zones);
    hosts = List.copyOf(hosts);
    records = List.copyOf(records);
  }

  /** A zone of the lab, signed (with a DS in its parent) or not (an insecure delegation). */
  record ZoneDecl(String origin, boolean signed) {}

  /**
   * A host name: one SMTP server per entry of {@code servers}, plus address records with no
   * server behind them ({@code deadAddresses}, for answers the tool must never use).
   */
  record HostDecl(String name, List<ServerSpec> servers, List<String> deadAddresses) {
    HostDecl {
      servers = List.copyOf(servers);
      deadAddresses = List.copyOf(deadAddresses);
    }
  }

  /** A record or fault written once the lab knows its ports and certificates. */
  @FunctionalInterface
  interface RecordDecl {
    void write(Context lab);
  }

  /** What a {@link RecordDecl} may ask of the lab being built. */
  interface Context {
    /** Adds records to whichever lab zone holds {@code owner}. */
    void add(String owner, Consumer<LabZone> content);

    /** The port the servers of {@code host} listen on. */
    int port(String host);

    /** The certificates of the first server of {@code host}. */
    IssuedChain chain(String host);

    void fault(String owner, int type, Fault fault);
  }
}
