package dev.smtpdane.lab.dns;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.TextParseException;

/**
 * A DNSSEC-signed DNS world on loopback: an authoritative server for a signed lab root
 * {@code .}, {@code test.} and the zones a test declares, and a validating resolver in front of
 * it that trusts only the lab root's key. Point the tool at {@link #resolver()} exactly as it
 * would be pointed at Unbound.
 *
 * <pre>{@code
 * try (LabDns lab = LabDns.builder()
 *     .zone("example.test.", z -> z.mx("@", 10, "mx").a("mx", "127.0.0.25")
 *         .tlsa("_25._tcp.mx", 3, 1, 1, digest))
 *     .unsignedZone("insecure.test.", z -> z.a("mx", "127.0.0.26"))
 *     .fault("mx.example.test.", Type.AAAA, Fault.CORRUPT_SIGNATURE)
 *     .start()) {
 *   lookup(lab.resolver());
 * }
 * }</pre>
 */
public final class LabDns implements AutoCloseable {
  private final LoopbackDnsServer authority;
  private final LoopbackDnsServer resolver;
  private final String trustAnchor;
  private final Duration upstreamTimeout;
  private final List<LoopbackDnsServer> extras = new ArrayList<>();

  private LabDns(LoopbackDnsServer authority, LoopbackDnsServer resolver, String trustAnchor,
      Duration upstreamTimeout) {
    this.authority = authority;
    this.resolver = resolver;
    this.trustAnchor = trustAnchor;
    this.upstreamTimeout = upstreamTimeout;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The validating resolver (UDP and TCP): what the tool talks to. */
  public InetSocketAddress resolver() {
    return resolver.address();
  }

  /** The authoritative server, for an in-tool validator that does its own validation. */
  public InetSocketAddress authoritative() {
    return authority.address();
  }

  /** The lab root's DS record in zone-file text: the one trust anchor of the lab. */
  public String trustAnchor() {
    return trustAnchor;
  }

  /**
   * Starts one more resolver that misbehaves on every query as {@code fault} says: SERVFAIL,
   * REFUSED, NOTIMP or DROP (a broken resolver to put first in a resolver list), or FORGE_AD or
   * NON_VALIDATING (a resolver that passes the authority's answers on unvalidated, with AD=1 on
   * all of them or on none). Closed with the lab.
   */
  public synchronized InetSocketAddress failingResolver(Fault fault) {
    LoopbackDnsServer.Handler handler = switch (fault) {
      case SERVFAIL -> refusing(Rcode.SERVFAIL);
      case REFUSED -> refusing(Rcode.REFUSED);
      case NOTIMP -> refusing(Rcode.NOTIMP);
      case DROP -> (query, transport) -> Optional.empty();
      case FORGE_AD, NON_VALIDATING ->
          new ForwardingFront(authority.address(), upstreamTimeout, fault == Fault.FORGE_AD);
      case TRUNCATE, CORRUPT_SIGNATURE, EXPIRED_SIGNATURE, DS_MISMATCH, UNSIGNED_DELEGATION,
          NOT_YET_VALID_SIGNATURE, MISSING_DNSKEY, DENIAL_WITHOUT_SOA ->
          throw new IllegalArgumentException(fault + " is not a resolver failure");
    };
    LoopbackDnsServer broken = LoopbackDnsServer.start(authority.address().getAddress(), handler);
    extras.add(broken);
    return broken.address();
  }

  private static LoopbackDnsServer.Handler refusing(int rcode) {
    return (query, transport) -> {
      var reply = LoopbackDnsServer.reply(query);
      reply.getHeader().setRcode(rcode);
      return Optional.of(reply);
    };
  }

  @Override
  public synchronized void close() {
    resolver.close();
    authority.close();
    extras.forEach(LoopbackDnsServer::close);
  }

  /** Declares zones and faults; {@link #start()} builds, signs and serves them. */
  public static final class Builder {
    private final Map<Name, LabWorld.Definition> zones = new LinkedHashMap<>();
    private final Map<FaultPlan.Key, Fault> faults = new HashMap<>();
    private boolean randomizeCase;
    private Duration upstreamTimeout = Duration.ofSeconds(1);
    private Duration latency = Duration.ZERO;
    private InetAddress address = InetAddress.getLoopbackAddress();

    private Builder() {
      zones.put(Name.root, new LabWorld.Definition(new LabZone(Name.root), true, false, false));
      Name test = name("test.");
      zones.put(test, new LabWorld.Definition(new LabZone(test), true, false, false));
    }

    /** Adds records to a signed zone (declared on first use; {@code .} and {@code test.} exist). */
    public Builder zone(String origin, Consumer<LabZone> content) {
      return define(origin, content, true);
    }

    /** Adds records to a zone served unsigned, with no DS in its parent (insecure delegation). */
    public Builder unsignedZone(String origin, Consumer<LabZone> content) {
      return define(origin, content, false);
    }

    /** Adds records to a signed zone that denies with NSEC3 (RFC 5155) instead of NSEC. */
    public Builder nsec3Zone(String origin, Consumer<LabZone> content) {
      return nsec3(origin, content, false);
    }

    /**
     * Like {@link #nsec3Zone}, with opt-out (RFC 5155 §6): its unsigned delegations (child
     * zones declared with {@code unsignedZone}) are left out of the NSEC3 chain, so the DS
     * denial for them is an opt-out span and validators judge them insecure.
     */
    public Builder nsec3OptOutZone(String origin, Consumer<LabZone> content) {
      return nsec3(origin, content, true);
    }

    private Builder nsec3(String origin, Consumer<LabZone> content, boolean optOut) {
      define(origin, content, true);
      Name apex = name(origin).canonicalize();
      zones.put(apex, new LabWorld.Definition(zones.get(apex).content(), true, true, optOut));
      return this;
    }

    /** Makes {@code name}/{@code type} misbehave (see {@link Fault}). */
    public Builder fault(String name, int type, Fault fault) {
      faults.put(new FaultPlan.Key(name(name).canonicalize(), type), fault);
      return this;
    }

    /** Answers from the resolver carry owner names in mixed case (0x20 style). */
    public Builder randomizeCase(boolean on) {
      this.randomizeCase = on;
      return this;
    }

    /** How long the validating resolver waits for the authority (default 1 s). */
    public Builder upstreamTimeout(Duration timeout) {
      this.upstreamTimeout = timeout;
      return this;
    }

    /**
     * A simulated network between the tool and the resolver: every answer of {@link
     * #resolver()} leaves no sooner than this round-trip time after its query arrived (as from
     * a resolver with everything cached, that far away). The authority is not delayed.
     */
    public Builder latency(Duration roundTrip) {
      this.latency = roundTrip.isNegative() ? Duration.ZERO : roundTrip;
      return this;
    }

    /** The loopback address both servers bind (default 127.0.0.1). */
    public Builder bindAddress(InetAddress loopback) {
      this.address = loopback;
      return this;
    }

    /** Generates keys, signs the zones and starts both servers on free ports. */
    public LabDns start() {
      FaultPlan plan = new FaultPlan(faults);
      LabWorld.Built world = LabWorld.build(zones, plan, Instant.now());
      String anchor = world.rootKey().ds().toString();
      LoopbackDnsServer authority =
          LoopbackDnsServer.start(address, new Authority(world.zones(), plan));
      ValidatingFront front = new ValidatingFront(
          authority.address(), anchor, upstreamTimeout, plan, randomizeCase);
      LoopbackDnsServer.Handler delayed = latency.isPositive()
          ? new RoundTripDelay(front, latency) : front;
      return new LabDns(authority, LoopbackDnsServer.start(address, delayed), anchor,
          upstreamTimeout);
    }

    private Builder define(String origin, Consumer<LabZone> content, boolean signed) {
      Name apex = name(origin).canonicalize();
      LabWorld.Definition existing = zones.get(apex);
      if (existing != null && existing.signed() != signed) {
        throw new IllegalArgumentException(apex + " declared both signed and unsigned");
      }
      LabZone zone = existing == null ? new LabZone(apex) : existing.content();
      content.accept(zone);
      zones.put(apex, new LabWorld.Definition(zone, signed,
          existing != null && existing.nsec3(), existing != null && existing.optOut()));
      return this;
    }

    private static Name name(String text) {
      try {
        return Name.fromString(text.endsWith(".") ? text : text + ".");
      } catch (TextParseException e) {
        throw new IllegalArgumentException("bad name \"" + text + "\"", e);
      }
    }
  }
}
