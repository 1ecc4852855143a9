package dev.smtpdane.lab;

import dev.smtpdane.lab.ScenarioSetup.HostDecl;
import dev.smtpdane.lab.ScenarioSetup.RecordDecl;
import dev.smtpdane.lab.ScenarioSetup.ZoneDecl;
import dev.smtpdane.lab.dns.Fault;
import dev.smtpdane.lab.dns.LabDns;
import dev.smtpdane.lab.dns.LabZone;
import java.net.Inet6Address;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * Writes every runnable scenario into one signed lab DNS world: lab root {@code .} →
 * {@code test.} → one zone per scenario (plus the extra signed and unsigned zones some
 * scenarios declare), with the address records of the running servers and the records whose
 * content depends on ports and certificates.
 */
final class LabDnsWorld {
  private final LabDns.Builder dns;
  private final Map<Name, Boolean> zones = new LinkedHashMap<>();
  private final LabListeners listeners;

  private LabDnsWorld(LabDns.Builder dns, LabListeners listeners) {
    this.dns = dns;
    this.listeners = listeners;
    zones.put(Name.root, true);
    zones.put(name("test."), true);
  }

  static LabDns start(List<ScenarioDefinition> runnable, LabListeners listeners,
      LabSettings settings) {
    LabDnsWorld world = new LabDnsWorld(
        LabDns.builder().upstreamTimeout(settings.dnsUpstreamTimeout())
            .latency(settings.latency()), listeners);
    for (ScenarioDefinition d : runnable) {
      for (ZoneDecl z : d.setup().zones()) {
        world.declare(z);
      }
    }
    for (ScenarioDefinition d : runnable) {
      world.write(d);
    }
    return world.dns.start();
  }

  private void declare(ZoneDecl z) {
    Name origin = name(z.origin());
    if (zones.putIfAbsent(origin, z.signed()) != null) {
      throw new IllegalStateException("zone " + origin + " is declared twice in the catalogue");
    }
    if (z.signed()) {
      dns.zone(z.origin(), content -> { });
    } else {
      dns.unsignedZone(z.origin(), content -> { });
    }
  }

  private void write(ScenarioDefinition d) {
    String scenario = d.name();
    ScenarioSetup.Context context = new ScenarioSetup.Context() {
      @Override
      public void add(String owner, Consumer<LabZone> content) {
        LabDnsWorld.this.add(owner, content);
      }

      @Override
      public int port(String host) {
        return listeners.port(scenario);
      }

      @Override
      public IssuedChain chain(String host) {
        List<LabListeners.Bound> bound = listeners.servers(scenario, host);
        if (bound.isEmpty()) {
          throw new IllegalStateException(scenario + ": no server for " + host);
        }
        return bound.get(0).chain();
      }

      @Override
      public void fault(String owner, int type, Fault fault) {
        dns.fault(owner, type, fault);
      }
    };
    for (HostDecl h : d.setup().hosts()) {
      for (LabListeners.Bound b : listeners.servers(scenario, h.name())) {
        String literal = b.address().getAddress().getHostAddress();
        boolean v6 = b.address().getAddress() instanceof Inet6Address;
        add(h.name(), z -> address(z, h.name(), literal, v6));
      }
      for (String literal : h.deadAddresses()) {
        add(h.name(), z -> address(z, h.name(), literal, literal.contains(":")));
      }
    }
    for (RecordDecl r : d.setup().records()) {
      r.write(context);
    }
  }

  private static void address(LabZone z, String owner, String literal, boolean v6) {
    if (v6) {
      z.aaaa(owner, literal);
    } else {
      z.a(owner, literal);
    }
  }

  /** Adds to the deepest declared zone that holds {@code owner}. */
  private void add(String owner, Consumer<LabZone> content) {
    Name n = name(owner);
    Name best = Name.root;
    for (Name origin : zones.keySet()) {
      if (n.subdomain(origin) && origin.labels() > best.labels()) {
        best = origin;
      }
    }
    if (zones.get(best)) {
      dns.zone(best.toString(), content);
    } else {
      dns.unsignedZone(best.toString(), content);
    }
  }

  private static Name name(String text) {
    try {
      return Name.fromString(text.endsWith(".") ? text : text + ".").canonicalize();
    } catch (TextParseException e) {
      throw new IllegalArgumentException("bad name " + text, e);
    }
  }
}
