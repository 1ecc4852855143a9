package dev.smtpdane.dane;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A TLSA RRset sorted into the records that count, the usable records that digest agility
 * sets aside, and the unusable ones (dane-rules.md §4).
 *
 * <p>RFC 7671 §9: within each (usage, selector) pair only the records of the strongest digest
 * present count (SHA2-512 over SHA2-256); Full(0) records always count. So a stale {@code 3 1
 * 2} beside a current {@code 3 1 1} makes an agility-aware sender such as Postfix fail, and
 * this class is how we see the RRset as such a sender does.
 *
 * @param counted usable records that count for authentication, in RRset order
 * @param weakerIgnored usable records set aside by agility, each with the stronger records of
 *     its (usage, selector) pair that take its place
 * @param unusable records that cannot be used, each with the reason
 */
public record UsableRecords(
    List<TlsaRecord> counted,
    Map<TlsaRecord, List<TlsaRecord>> weakerIgnored,
    Map<TlsaRecord, Usability.Unusable> unusable) {

  public UsableRecords {
    counted = List.copyOf(counted);
    weakerIgnored = Map.copyOf(weakerIgnored);
    unusable = Map.copyOf(unusable);
  }

  /** Sorts {@code records} (an RRset, in any order) by usability and digest agility. */
  public static UsableRecords of(List<TlsaRecord> records) {
    Map<TlsaRecord, Usability.Unusable> unusable = new LinkedHashMap<>();
    List<TlsaRecord> usable = new ArrayList<>();
    for (TlsaRecord r : records) {
      Objects.requireNonNull(r, "TLSA record");
      if (Usability.of(r) instanceof Usability.Unusable u) {
        unusable.put(r, u);
      } else {
        usable.add(r);
      }
    }
    List<TlsaRecord> counted = new ArrayList<>();
    Map<TlsaRecord, List<TlsaRecord>> ignored = new LinkedHashMap<>();
    for (TlsaRecord r : usable) {
      List<TlsaRecord> stronger = strongerDigests(r, usable);
      if (stronger.isEmpty()) {
        counted.add(r);
      } else {
        ignored.put(r, stronger);
      }
    }
    return new UsableRecords(counted, ignored, unusable);
  }

  /** True if at least one record can authenticate a server (dane-rules.md §4). */
  public boolean anyUsable() {
    return !counted.isEmpty();
  }

  /**
   * The records of the same (usage, selector) pair with the strongest digest present, if that
   * is stronger than {@code r}'s; empty if {@code r} counts.
   */
  private static List<TlsaRecord> strongerDigests(TlsaRecord r, List<TlsaRecord> usable) {
    if (r.matchingType() == MatchingType.FULL.value()) {
      return List.of(); // RFC 7671 §9: Full(0) is outside digest agility and always counts.
    }
    int strongest = r.matchingType();
    for (TlsaRecord o : usable) {
      if (samePair(r, o) && o.matchingType() > strongest) {
        strongest = o.matchingType(); // digest types are numbered weakest first (1, 2)
      }
    }
    if (strongest == r.matchingType()) {
      return List.of();
    }
    List<TlsaRecord> stronger = new ArrayList<>();
    for (TlsaRecord o : usable) {
      if (samePair(r, o) && o.matchingType() == strongest && !stronger.contains(o)) {
        stronger.add(o);
      }
    }
    return stronger;
  }

  private static boolean samePair(TlsaRecord a, TlsaRecord b) {
    return a.usage() == b.usage() && a.selector() == b.selector();
  }
}
