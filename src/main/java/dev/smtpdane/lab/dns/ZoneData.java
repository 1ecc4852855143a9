package dev.smtpdane.lab.dns;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.xbill.DNS.Name;
import org.xbill.DNS.NSECRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/**
 * One zone as the authoritative server holds it: RRsets (with their RRSIGs) by owner name, in
 * DNSSEC canonical order (RFC 4034 §6.1, which is how {@link Name#compareTo} orders names), so
 * that the NSEC covering a missing name is its predecessor.
 */
final class ZoneData {
  private final Name origin;
  private final boolean signed;
  private final NavigableMap<Name, Map<Integer, RRset>> nodes = new TreeMap<>();
  private Optional<Nsec3Chain> nsec3 = Optional.empty();

  ZoneData(Name origin, boolean signed) {
    this.origin = origin;
    this.signed = signed;
  }

  Name origin() {
    return origin;
  }

  boolean signed() {
    return signed;
  }

  /** The NSEC3 chain, when the zone denies with NSEC3 instead of NSEC. */
  Optional<Nsec3Chain> nsec3() {
    return nsec3;
  }

  /**
   * Switches denial to NSEC3 (RFC 5155): NSEC3PARAM at the apex, chain built at signing, with
   * or without opt-out.
   */
  void useNsec3(boolean optOut) {
    Nsec3Chain chain = new Nsec3Chain(origin, optOut);
    add(chain.param());
    nsec3 = Optional.of(chain);
  }

  NavigableMap<Name, Map<Integer, RRset>> nodes() {
    return nodes;
  }

  void add(Record record) {
    Name owner = record.getName().canonicalize();
    nodes.computeIfAbsent(owner, n -> new LinkedHashMap<>())
        .computeIfAbsent(record.getRRsetType(), t -> new RRset())
        .addRR(record.withName(owner));
  }

  Optional<RRset> rrset(Name owner, int type) {
    Map<Integer, RRset> node = nodes.get(owner);
    return node == null ? Optional.empty() : Optional.ofNullable(node.get(type));
  }

  boolean exists(Name name) {
    return nodes.containsKey(name) || isEmptyNonTerminal(name);
  }

  /** A name with no records but with descendants (RFC 4592 §2.2.2); it exists: NODATA. */
  boolean isEmptyNonTerminal(Name name) {
    Name next = nodes.higherKey(name);
    return !nodes.containsKey(name) && next != null && next.subdomain(name);
  }

  /** True for a delegation point to a child zone (NS below the apex). */
  boolean isDelegation(Name name) {
    return !name.equals(origin) && rrset(name, Type.NS).isPresent();
  }

  RRset soa() {
    return rrset(origin, Type.SOA).orElseThrow();
  }

  long negativeTtl() {
    return ((SOARecord) soa().first()).getMinimum();
  }

  /**
   * The wildcard that synthesises answers for a name that does not exist (RFC 4592 §3.3.1):
   * {@code *.<closest encloser>}, if the zone has it.
   */
  Optional<Name> wildcardFor(Name name) {
    if (exists(name)) {
      return Optional.empty();
    }
    Name wildcard = Authority.wildcardAt(closestEncloser(name));
    return nodes.containsKey(wildcard) ? Optional.of(wildcard) : Optional.empty();
  }

  /** The NSEC RRset owned by the name at or before {@code name} (the one covering it). */
  Optional<RRset> nsecCovering(Name name) {
    Name owner = nodes.floorKey(name);
    return owner == null ? Optional.empty() : rrset(owner, Type.NSEC);
  }

  /**
   * The closest encloser of a name that does not exist (RFC 4592 §3.3.1): its longest existing
   * ancestor, the apex at worst.
   */
  Name closestEncloser(Name name) {
    Name candidate = name;
    while (!candidate.equals(origin)) {
      candidate = new Name(candidate, 1);
      if (exists(candidate)) {
        return candidate;
      }
    }
    return origin;
  }

  /** Builds the NSEC chain (RFC 4034 §4.1): each owner points to the next, the last to apex. */
  void addNsecChain() {
    for (Name owner : nodes.navigableKeySet().stream().toList()) {
      Name next = nodes.higherKey(owner);
      Map<Integer, RRset> node = nodes.get(owner);
      int[] types = new int[node.size() + 2];
      int i = 0;
      for (int type : node.keySet()) {
        types[i++] = type;
      }
      types[i++] = Type.NSEC;
      types[i] = Type.RRSIG;
      add(new NSECRecord(owner, org.xbill.DNS.DClass.IN, negativeTtl(),
          next == null ? origin : next, types));
    }
  }
}
