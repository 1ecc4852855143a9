package dev.smtpdane.lab.dns;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Type;

/**
 * Signs a lab zone with its key: an RRSIG over every authoritative RRset (RFC 4035 §2.2), but
 * not over the NS RRset of a delegation (the child is authoritative for it). Applies the
 * signature faults: a flipped signature byte, a validity window that ended yesterday or starts
 * tomorrow, or a signature by a key the zone does not publish.
 */
final class ZoneSigner {
  private static final Duration VALIDITY = Duration.ofDays(30);
  private final ZoneKey key;
  private final FaultPlan faults;
  private final Instant now;
  private ZoneKey stray;

  ZoneSigner(ZoneKey key, FaultPlan faults, Instant now) {
    this.key = key;
    this.faults = faults;
    this.now = now;
  }

  void sign(ZoneData zone) {
    if (zone.nsec3().isPresent()) {
      zone.nsec3().get().build(zone);
      for (RRset rrset : zone.nsec3().get().rrsets()) {
        rrset.addRR(signature(rrset, Optional.empty()));
      }
    } else {
      zone.addNsecChain();
    }
    for (Map.Entry<Name, Map<Integer, RRset>> node : zone.nodes().entrySet()) {
      Name owner = node.getKey();
      for (RRset rrset : node.getValue().values()) {
        if (rrset.getType() == Type.NS && zone.isDelegation(owner)) {
          continue;
        }
        rrset.addRR(signature(rrset, faults.at(owner, rrset.getType())));
      }
    }
  }

  private RRSIGRecord signature(RRset rrset, Optional<Fault> fault) {
    Fault f = fault.orElse(null);
    // Inception an hour back tolerates clock skew between the lab and the validator.
    Instant inception = now.minus(Duration.ofHours(1));
    Instant expiration = now.plus(VALIDITY);
    if (f == Fault.EXPIRED_SIGNATURE) {
      inception = now.minus(VALIDITY);
      expiration = now.minus(Duration.ofDays(1));
    } else if (f == Fault.NOT_YET_VALID_SIGNATURE) {
      inception = now.plus(Duration.ofDays(1));
    }
    ZoneKey signer = f == Fault.MISSING_DNSKEY ? strayKey() : key;
    try {
      RRSIGRecord sig =
          DNSSEC.sign(rrset, signer.dnskey(), signer.privateKey(), inception, expiration);
      return f == Fault.CORRUPT_SIGNATURE ? corrupted(sig) : sig;
    } catch (DNSSEC.DNSSECException e) {
      throw new IllegalStateException("cannot sign " + rrset.getName(), e);
    }
  }

  /** A key of the zone's name that the zone never publishes (and with another key tag). */
  private ZoneKey strayKey() {
    while (stray == null || stray.dnskey().getFootprint() == key.dnskey().getFootprint()) {
      stray = ZoneKey.generate(key.dnskey().getName());
    }
    return stray;
  }

  private static RRSIGRecord corrupted(RRSIGRecord sig) {
    byte[] signature = sig.getSignature().clone();
    signature[signature.length / 2] ^= 0x5a;
    return new RRSIGRecord(sig.getName(), sig.getDClass(), sig.getTTL(), sig.getTypeCovered(),
        sig.getAlgorithm(), sig.getOrigTTL(), sig.getExpire(), sig.getTimeSigned(),
        sig.getFootprint(), sig.getSigner(), signature);
  }
}
