package dev.smtpdane.lab.dns;

import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.xbill.DNS.DClass;
import org.xbill.DNS.NSEC3PARAMRecord;
import org.xbill.DNS.NSEC3Record;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Type;
import org.xbill.DNS.utils.base32;

/**
 * The NSEC3 chain of a zone (RFC 5155): one NSEC3 record per owner name and empty
 * non-terminal, at the base32hex hash of the name, linked in hash order. SHA-1, no salt and
 * no extra iterations, as RFC 9276 §3.1 asks. With opt-out (RFC 5155 §6) the unsigned
 * delegations are left out of the chain and every NSEC3 carries the Opt-Out flag, as large
 * TLDs do.
 */
final class Nsec3Chain {
  private static final base32 BASE32HEX = new base32(base32.Alphabet.BASE32HEX, false, true);
  private static final int OPT_OUT = 1;
  private final Name origin;
  private final boolean optOut;
  private final NSEC3PARAMRecord param;
  // base32hex keeps the order of the binary hashes, so the map is in NSEC3 chain order.
  private final NavigableMap<String, RRset> byHash = new TreeMap<>();

  Nsec3Chain(Name origin, boolean optOut) {
    this.origin = origin;
    this.optOut = optOut;
    this.param = new NSEC3PARAMRecord(
        origin, DClass.IN, 0, NSEC3Record.Digest.SHA1, 0, 0, new byte[0]);
  }

  NSEC3PARAMRecord param() {
    return param;
  }

  /** Builds the chain over every name of the zone, empty non-terminals included. */
  void build(ZoneData zone) {
    Map<String, Name> names = new TreeMap<>();
    for (Name owner : zone.nodes().keySet()) {
      if (optOut && isUnsignedDelegation(zone, owner)) {
        continue; // RFC 5155 §7.1: opt-out may leave unsigned delegations unlisted
      }
      for (Name n = owner; n.subdomain(origin); n = new Name(n, 1)) {
        names.putIfAbsent(hash(n), n);
        if (n.equals(origin)) {
          break;
        }
      }
    }
    List<String> hashes = new ArrayList<>(names.keySet());
    for (int i = 0; i < hashes.size(); i++) {
      String next = hashes.get((i + 1) % hashes.size());
      NSEC3Record nsec3 = new NSEC3Record(owner(hashes.get(i)), DClass.IN, zone.negativeTtl(),
          NSEC3Record.Digest.SHA1, optOut ? OPT_OUT : 0, 0, new byte[0],
          BASE32HEX.fromString(next),
          types(zone, names.get(hashes.get(i))));
      byHash.put(hashes.get(i), new RRset(nsec3));
    }
  }

  private static boolean isUnsignedDelegation(ZoneData zone, Name name) {
    return zone.isDelegation(name) && zone.rrset(name, Type.DS).isEmpty();
  }

  Collection<RRset> rrsets() {
    return byHash.values();
  }

  /**
   * The closest provable encloser of {@code name} (RFC 5155 §7.2.1): its nearest ancestor (or
   * itself) with an NSEC3 of its own. Names missing from an opt-out chain have none.
   */
  Name closestProvableEncloser(Name name) {
    Name candidate = name;
    while (!candidate.equals(origin) && matching(candidate).isEmpty()) {
      candidate = new Name(candidate, 1);
    }
    return candidate;
  }

  /** The NSEC3 whose hash is that of {@code name} (RFC 5155 §7.2.3, §7.2.4). */
  Optional<RRset> matching(Name name) {
    return Optional.ofNullable(byHash.get(hash(name)));
  }

  /** The NSEC3 whose interval covers the hash of {@code name}, wrapping at the end. */
  RRset covering(Name name) {
    Map.Entry<String, RRset> e = byHash.lowerEntry(hash(name));
    return e != null ? e.getValue() : byHash.lastEntry().getValue();
  }

  private Name owner(String hash) {
    return Name.fromConstantString(hash + "." + origin);
  }

  private String hash(Name name) {
    try {
      return BASE32HEX.toString(param.hashName(name.canonicalize()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("JDK without SHA-1", e);
    }
  }

  /** RFC 5155 §3.1.8: the types at the original name; RRSIG if anything there is signed. */
  private static int[] types(ZoneData zone, Name name) {
    Map<Integer, RRset> node = zone.nodes().get(name);
    if (node == null) {
      return new int[0];
    }
    Set<Integer> types = new LinkedHashSet<>(node.keySet());
    boolean onlyDelegationNs = zone.isDelegation(name) && types.equals(Set.of(Type.NS));
    if (!onlyDelegationNs) {
      types.add(Type.RRSIG);
    }
    return types.stream().mapToInt(Integer::intValue).toArray();
  }
}
