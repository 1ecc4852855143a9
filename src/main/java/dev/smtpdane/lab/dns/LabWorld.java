package dev.smtpdane.lab.dns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xbill.DNS.DClass;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;

/**
 * Builds the lab's zones from their definitions: adds SOA, NS and DNSKEY at each apex, the NS
 * and DS of each child zone in its parent (the deepest other zone above it), and signs every
 * signed zone. Zone-level faults decide what the DS says or whether there is one.
 */
final class LabWorld {
  /** One zone as declared: its contents and whether it is to be signed. */
  record Definition(LabZone content, boolean signed, boolean nsec3, boolean optOut) {}

  /** The built zones and the root key (whose DS is the trust anchor). */
  record Built(List<ZoneData> zones, ZoneKey rootKey) {}

  private LabWorld() {}

  static Built build(Map<Name, Definition> definitions, FaultPlan faults, Instant now) {
    Map<Name, ZoneData> zones = new LinkedHashMap<>();
    Map<Name, ZoneKey> keys = new HashMap<>();
    for (Map.Entry<Name, Definition> e : definitions.entrySet()) {
      Name origin = e.getKey();
      boolean signed = e.getValue().signed() && !faults.zoneHas(origin, Fault.UNSIGNED_DELEGATION);
      ZoneData zone = new ZoneData(origin, signed);
      addApex(zone);
      if (signed) {
        ZoneKey key = ZoneKey.generate(origin);
        keys.put(origin, key);
        zone.add(key.dnskey());
        if (e.getValue().nsec3()) {
          zone.useNsec3(e.getValue().optOut());
        }
      }
      zones.put(origin, zone);
    }
    for (ZoneData zone : zones.values()) {
      parentOf(zone.origin(), zones).ifPresent(parent -> delegate(parent, zone, keys, faults));
    }
    for (Map.Entry<Name, Definition> e : definitions.entrySet()) {
      addContent(zones.get(e.getKey()), e.getValue().content(), zones);
    }
    // Zones are independent once delegations are in place: sign them on all cores (CPU only).
    zones.values().parallelStream().filter(ZoneData::signed)
        .forEach(zone -> new ZoneSigner(keys.get(zone.origin()), faults, now).sign(zone));
    return new Built(new ArrayList<>(zones.values()), keys.get(Name.root));
  }

  private static void addApex(ZoneData zone) {
    Name origin = zone.origin();
    Name ns = Name.fromConstantString("ns." + (origin.equals(Name.root) ? "" : origin));
    Name admin = Name.fromConstantString("hostmaster." + (origin.equals(Name.root) ? "" : origin));
    zone.add(new SOARecord(origin, DClass.IN, LabZone.TTL, ns, admin, 1, 3600, 600, 86400,
        LabZone.TTL));
    zone.add(new NSRecord(origin, DClass.IN, LabZone.TTL, ns));
  }

  private static void delegate(
      ZoneData parent, ZoneData child, Map<Name, ZoneKey> keys, FaultPlan faults) {
    Name origin = child.origin();
    parent.add(new NSRecord(origin, DClass.IN, LabZone.TTL,
        Name.fromConstantString("ns." + origin)));
    ZoneKey key = keys.get(origin);
    if (key != null) {
      // A DS_MISMATCH zone gets the DS of a key it never uses (a rollover gone wrong).
      boolean mismatch = faults.zoneHas(origin, Fault.DS_MISMATCH);
      parent.add(mismatch ? ZoneKey.generate(origin).ds() : key.ds());
    }
  }

  private static void addContent(ZoneData zone, LabZone content, Map<Name, ZoneData> zones) {
    for (Record r : content.records()) {
      Optional<ZoneData> holder = deepestZoneOf(r.getName(), zones);
      if (holder.isEmpty() || holder.get() != zone) {
        throw new IllegalArgumentException(r.getName() + " is inside child zone "
            + holder.map(ZoneData::origin).orElse(null) + ", not in " + zone.origin());
      }
      zone.add(r);
    }
  }

  /** The deepest zone strictly above {@code origin}. */
  private static Optional<ZoneData> parentOf(Name origin, Map<Name, ZoneData> zones) {
    if (origin.equals(Name.root)) {
      return Optional.empty();
    }
    return deepestZoneOf(new Name(origin, 1), zones);
  }

  private static Optional<ZoneData> deepestZoneOf(Name name, Map<Name, ZoneData> zones) {
    ZoneData best = null;
    for (ZoneData z : zones.values()) {
      if (name.subdomain(z.origin())
          && (best == null || z.origin().labels() > best.origin().labels())) {
        best = z;
      }
    }
    return Optional.ofNullable(best);
  }
}
