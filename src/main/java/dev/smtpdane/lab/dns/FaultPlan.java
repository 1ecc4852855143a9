package dev.smtpdane.lab.dns;

import java.util.Map;
import java.util.Optional;
import org.xbill.DNS.Name;

/** The faults of a lab world, by owner name (lower-case) and type. */
record FaultPlan(Map<Key, Fault> faults) {
  record Key(Name name, int type) {}

  FaultPlan {
    faults = Map.copyOf(faults);
  }

  Optional<Fault> at(Name name, int type) {
    return Optional.ofNullable(faults.get(new Key(name.canonicalize(), type)));
  }

  /** A zone-level fault (DS_MISMATCH, UNSIGNED_DELEGATION) set on {@code apex} with any type. */
  boolean zoneHas(Name apex, Fault fault) {
    return faults.entrySet().stream()
        .anyMatch(e -> e.getValue() == fault && e.getKey().name().equals(apex.canonicalize()));
  }
}
